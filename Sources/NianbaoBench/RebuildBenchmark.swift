import Foundation
import NianbaoCore
import Archiving
import Pipeline
import TestSupport

/// `NianbaoBench rebuild [--docs N] [--format html|txt] [--keep DIR]`: builds an archive of N report
/// renditions (the seeds with varied numbers, one agency each) and times `rebuild --jobs 1` and `--jobs 2`.
/// `--dry-run` times only reading, processing and planning (nothing written); `--archive-only` replaces
/// extraction and parsing by a stand-in record to time the archive side alone.
enum RebuildBenchmark {
    static func run(_ args: [String]) async throws {
        var docs = 10_000
        var format = "html"
        var keep: String?
        var archiveOnly = false
        var dryRun = false
        var i = 0
        while i < args.count {
            switch args[i] {
            case "--docs": docs = Int(args[i + 1]) ?? docs; i += 1
            case "--format": format = args[i + 1]; i += 1
            case "--keep": keep = args[i + 1]; i += 1
            case "--archive-only": archiveOnly = true
            case "--dry-run": dryRun = true
            default: break
            }
            i += 1
        }
        let root = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bench-rebuild-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        let archive = try Archive(root: root)
        let t0 = Date()
        try fill(archive, docs: docs, format: format)
        print(String(format: "rebuild bench: %d %@ documents archived in %.1f s at %@", docs, format, Date().timeIntervalSince(t0), root.path))
        // One untimed rebuild first, so both timed runs replace an existing reports/ tree and read warm raw/.
        let warm = archiveOnly ? Rebuilder(archive: archive, process: standIn(archive)) : Rebuilder(archive: archive)
        _ = try await warm.run(RebuildOptions(jobs: 2, dryRun: dryRun))
        var rates: [Int: Double] = [:]
        for jobs in [1, 2] {
            let rebuilder = archiveOnly ? Rebuilder(archive: archive, process: standIn(archive)) : Rebuilder(archive: archive)
            let s = try await rebuilder.run(RebuildOptions(jobs: jobs, dryRun: dryRun))
            rates[jobs] = Double(s.documents) / s.seconds
            print(String(format: "rebuild --jobs %d: %d documents in %.2f s = %.0f documents/s (%d reports, %d versions, %d skipped)",
                         jobs, s.documents, s.seconds, rates[jobs]!, s.reports, s.versions, s.failures.count))
            print("  phases: " + s.phases.map { String(format: "%@ %.2f s (cpu %.2f s)", $0.name, $0.seconds, $0.cpu) }.joined(separator: ", "))
            if let f = s.failures.first { print("  first skipped: \(f)") }
        }
        print(String(format: "speed-up --jobs 2 / --jobs 1: %.2fx", rates[2]! / rates[1]!))
        if keep == nil { try? FileManager.default.removeItem(at: root) }
    }

    /// `--archive-only`: no extraction or parsing; each body becomes a full 2021-format record (every
    /// cell filled) so the archive side (versioning, record files, index) is measured on its own.
    static func standIn(_ archive: Archive) -> CaptureProcessing.Function {
        let paths = FormatSchema.bundled.format(template: "2021")!.cellPaths
        return { capture in
            guard let sha = capture.sha256, let body = try? Data(contentsOf: archive.rawURL(sha256: sha)) else { return .failed("no body") }
            var r = ReportRecord(agency: capture.agency, year: 2023, template: "2021", title: "年度报告")
            for (n, p) in paths.enumerated() {
                let v: Double?? = .some(Double((n + body.count) % 13))
                let c = p.split(separator: ".").map(String.init)
                switch c[0] {
                case "t2": r.tables.t2[c[1], default: [:]][c[2], default: [:]][c[3]] = v
                case "t3": r.tables.t3[c[1], default: [:]][c[2]] = v
                default: r.tables.t4[c[1], default: [:]][c[2]] = v
                }
            }
            r.sections = ["overview": String(decoding: body.prefix(3000), as: UTF8.self)]
            return .report(r, text: String(decoding: body, as: UTF8.self))
        }
    }

    /// Seeds with varied numbers: each table number n becomes n + (doc index mod 7) in a few rows,
    /// the agency is distinct per document (as a site's config would name it).
    static func fill(_ archive: Archive, docs: Int, format: String) throws {
        let seedDir = Fixtures.shared.appendingPathComponent("seeds")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: seedDir.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { try String(contentsOf: seedDir.appendingPathComponent($0), encoding: .utf8) }
        archive.durable = false
        for d in 0..<docs {
            let text = vary(seeds[d % seeds.count], by: d)
            let body = format == "html" ? html(text) : text
            let raw = try archive.storeRaw(data: Data(body.utf8))
            let at = Timestamps.iso(Date(timeIntervalSince1970: 1_760_000_000 + Double(d)))
            let url = "http://bench.example.gov.cn/\(d)/report.\(format)"
            try archive.appendCapture(Capture(id: Capture.makeID(url: url, fetchedAt: at), url: url, finalURL: url, status: 200,
                                              headers: [HeaderField(name: "content-type", value: format == "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8")],
                                              fetchedAt: at, outcome: .fetched, sha256: raw.sha256, size: raw.size,
                                              mediaType: format == "html" ? "text/html" : "text/plain", site: "bench",
                                              agency: "基准机构\(d)", kind: "detail"))
        }
    }

    static func vary(_ text: String, by d: Int) -> String {
        let k = d % 7
        guard k > 0 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.contains("\t"), line.contains("本年新收") || line.contains("予以公开") else { return String(line) }
            return line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { cell in Int(cell).map { String($0 + k) } ?? String(cell) }.joined(separator: "\t")
        }.joined(separator: "\n")
    }

    /// An HTML page like a CMS detail page: paragraphs, and tables from the tab-separated lines.
    static func html(_ text: String) -> String {
        var out = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府信息公开工作年度报告</title></head><body><div class=\"content\">\n"
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let esc = line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            if line.contains("\t") {
                if !inTable { out += "<table border=\"1\">\n"; inTable = true }
                out += "<tr>" + esc.split(separator: "\t", omittingEmptySubsequences: false).map { "<td>\($0)</td>" }.joined() + "</tr>\n"
            } else {
                if inTable { out += "</table>\n"; inTable = false }
                if !line.isEmpty { out += "<p>\(esc)</p>\n" }
            }
        }
        if inTable { out += "</table>\n" }
        return out + "</div></body></html>\n"
    }
}
