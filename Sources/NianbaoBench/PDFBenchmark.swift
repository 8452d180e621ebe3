import Foundation
import NianbaoCore
import Extraction
import Normalization
import Parsing
import TestSupport
import Pipeline
#if canImport(Glibc)
import Glibc
#endif

/// `NianbaoBench pdf [--runs N] [FILE…]`: PDF → record time (DocumentProcessor: sniff, PDFExtractor,
/// Normalizer, ReportParser, as `nianbao parse` runs them) next to bare `pdftotext -layout FILE
/// /dev/null` on the same file (posix_spawn + waitpid, output to /dev/null: the strictest baseline),
/// the runs alternating, medians of N runs (default 30), and the median of the run-by-run ratios. Also printed, to show where the time on top of bare `-layout` goes:
/// bare `pdftotext -bbox -raw` (the run nianbao makes), the same run through the extractor's runner
/// (swift-subprocess, output read through a pipe), the in-process cost of turning the complete
/// output into a Document and the Document into a record, and CPU time.
///
/// Default files: the 淮安 report (6 pages), the seed-002 LibreOffice PDF (3 pages) and, to show
/// how the overhead falls with length, a 24-page PDF made by `pdfunite` from four copies of 淮安.
enum PDFBenchmark {
    static func run(_ args: [String]) async throws {
        var runs = 30
        var files: [URL] = []
        var i = 0
        while i < args.count {
            if args[i] == "--runs", i + 1 < args.count { runs = Int(args[i + 1]) ?? runs; i += 2; continue }
            files.append(URL(fileURLWithPath: args[i]))
            i += 1
        }
        guard let pdftotext = which("pdftotext") else { print("pdf bench: pdftotext not found"); return }
        if files.isEmpty {
            let huaian = Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf")
            files = [huaian, Fixtures.fixture("pdf/seed-002.pdf")]
            let united = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("nianbao-bench-huaian-x4.pdf")
            if let pdfunite = which("pdfunite"),
               (try? spawn(pdfunite, Array(repeating: huaian.path, count: 4) + [united.path])) != nil,
               FileManager.default.fileExists(atPath: united.path) {
                files.append(united)
            }
        }
        print("pdf bench: \(runs) runs per file, medians (release build, one file at a time)")
        for file in files {
            var layout: [Double] = [], own: [Double] = [], ownRunner: [Double] = [], layoutRunner: [Double] = []
            var record: [Double] = [], extract: [Double] = []
            var layoutCPU: [Double] = [], recordCPU: [Double] = []
            var cells = 0, pages = 0
            for _ in 0..<runs {
                let c0 = cpuMs()
                layout.append(try time { try spawn(pdftotext, ["-layout", "-enc", "UTF-8", file.path, "/dev/null"]) })
                layoutCPU.append(cpuMs() - c0)
                own.append(try time { try spawn(pdftotext, PDFExtractor.arguments + [file.path, "/dev/null"]) })
                let p0 = ContinuousClock.now
                _ = try await PDFExtractor().pdftotextOutput(PDFExtractor.arguments + [file.path, "-"])
                ownRunner.append(ms(ContinuousClock.now - p0))
                let p1 = ContinuousClock.now
                _ = try await PDFExtractor().pdftotextOutput(["-layout", "-enc", "UTF-8", file.path, "-"])
                layoutRunner.append(ms(ContinuousClock.now - p1))
                let t0 = ContinuousClock.now
                _ = try await PDFExtractor().extract(file: file, sourceName: file.lastPathComponent)
                extract.append(ms(ContinuousClock.now - t0))
                // The whole pipeline as `nianbao parse` runs it: sniff, extract, normalize, parse.
                let c1 = cpuMs()
                let t1 = ContinuousClock.now
                let outcome = await DocumentProcessor().process(ExtractionInput(file: file))
                record.append(ms(ContinuousClock.now - t1))
                recordCPU.append(cpuMs() - c1)
                guard case .report(let rec, let doc) = outcome else { print("pdf bench: \(file.lastPathComponent): no record"); return }
                cells = rec.allCells.filter { $0.value != nil }.count
                pages = doc.metadata.pageCount ?? 0
            }
            // In-process costs, on the complete output (in the real run most of the first part
            // happens while pdftotext is still printing later pages).
            let output = try capture(pdftotext, PDFExtractor.arguments + [file.path, "-"])
            var toDocument: [Double] = [], toRecord: [Double] = [], normalizing: [Double] = []
            let parsedDoc = try PDFExtractor().document(bbox: output, sourceName: "x")
            for _ in 0..<runs {
                toDocument.append(try time { _ = try PDFExtractor().document(bbox: output, sourceName: "x") })
                toRecord.append(try time { _ = try ReportParser().parse(Normalizer().normalize(parsedDoc)) })
                normalizing.append(time { _ = Normalizer().normalize(parsedDoc) })
            }
            var launch: [Double] = [], bare: [Double] = []
            for _ in 0..<runs {
                let t0 = ContinuousClock.now
                _ = try? await PDFExtractor(pdftotextPath: "/bin/true").extract(file: file, sourceName: "x")
                launch.append(ms(ContinuousClock.now - t0))
                bare.append(try time { try spawn("/bin/true", []) })
            }
            let l = median(layout), t = median(own), tr = median(ownRunner), e = median(extract), r = median(record)
            func pct(_ a: Double, _ b: Double) -> String { String(format: "%+.0f%%", (a / b - 1) * 100) }
            print("\(file.lastPathComponent) (\(pages) pages, \(cells) cells):")
            print(String(format: "  bare pdftotext -layout                         %6.1f ms", l))
            print(String(format: "  bare pdftotext -bbox -raw (nianbao's run)     %6.1f ms  %@", t, pct(t, l)))
            print(String(format: "  the same through the runner (swift-subprocess) %6.1f ms  %@", tr, pct(tr, l)))
            print(String(format: "  (-layout through the runner, output unused     %6.1f ms  %@)", median(layoutRunner), pct(median(layoutRunner), l)))
            print(String(format: "  PDF → Document                                 %6.1f ms  %@", e, pct(e, l)))
            print(String(format: "  PDF → record                                   %6.1f ms  %@ vs -layout, %@ vs -bbox -raw", r, pct(r, l), pct(r, t)))
            // The same comparison run by run: each run's record time over the bare -layout time
            // of the same round, so a slow stretch of the (shared) machine slows both sides.
            let paired = median(zip(record, layout).map { $0 / $1 })
            print(String(format: "  PDF → record over bare -layout, run by run (median of %d ratios): %+.1f%%", runs, (paired - 1) * 100))
            print(String(format: "  in process, on the whole output: words → Document %.2f ms (%d KB), Document → record %.2f ms (normalizing %.2f ms)",
                         median(toDocument), output.count / 1024, median(toRecord), median(normalizing)))
            print(String(format: "  launch alone: the runner %.2f ms, posix_spawn %.2f ms (/bin/true)", median(launch), median(bare)))
            let lc = median(layoutCPU), rc = median(recordCPU)
            print(String(format: "  CPU (user+sys, with children): bare -layout %.1f ms, PDF → record %.1f ms (%@)", lc, rc, pct(rc, lc)))
        }
    }

    static func ms(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let t0 = ContinuousClock.now
        try body()
        return ms(ContinuousClock.now - t0)
    }

    /// User + system CPU time so far of this process and its reaped children, in ms. Less
    /// sensitive than wall time to other load on the machine.
    static func cpuMs() -> Double {
        var me = rusage(), kids = rusage()
        getrusage(RUSAGE_SELF.rawValue, &me)
        getrusage(RUSAGE_CHILDREN.rawValue, &kids)
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return ms(me.ru_utime) + ms(me.ru_stime) + ms(kids.ru_utime) + ms(kids.ru_stime)
    }

    static func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
        return nil
    }

    /// The stdout of a command (for the in-process timing).
    static func capture(_ path: String, _ args: [String]) throws -> [UInt8] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return [UInt8](data)
    }

    /// posix_spawn + waitpid: the bare cost of running the tool, nothing on top.
    static func spawn(_ path: String, _ args: [String]) throws {
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw NSError(domain: "posix_spawn", code: Int(rc)) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
