import Foundation
import NianbaoCore
import Extraction
import Normalization
import Parsing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `NianbaoBench pdf [--runs N] [FILE…]`: PDF → record time (PDFExtractor → Normalizer →
/// ReportParser) next to bare `pdftotext -layout FILE /dev/null` and `pdftotext -tsv FILE /dev/null`
/// (both posix_spawn + waitpid, output to /dev/null: the strict baseline) and `pdftotext -layout
/// FILE -` read through a pipe by the extractor's own runner (spawned the same way as the record
/// run) on the same file, run alternately, medians of N runs (default 30). Default files: the 淮安 report
/// and the seed-002 LibreOffice PDF.
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
        if files.isEmpty {
            files = [Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf"),
                     Fixtures.fixture("pdf/seed-002.pdf")]
        }
        guard let pdftotext = which("pdftotext") else { print("pdf bench: pdftotext not found"); return }
        print("pdf bench: \(runs) runs per file, medians (release build, one file at a time)")
        for file in files {
            var layout: [Double] = [], layoutPiped: [Double] = [], tsv: [Double] = [], record: [Double] = [], extract: [Double] = []
            var layoutCPU: [Double] = [], recordCPU: [Double] = [], tsvPiped: [Double] = []
            var cells = 0
            for _ in 0..<runs {
                let c0 = cpuMs()
                layout.append(try time { try spawn(pdftotext, ["-layout", "-enc", "UTF-8", file.path, "/dev/null"]) })
                layoutCPU.append(cpuMs() - c0)
                let p0 = ContinuousClock.now
                _ = try await PDFExtractor().pdftotextOutput(["-layout", "-enc", "UTF-8", file.path, "-"])
                layoutPiped.append(ms(ContinuousClock.now - p0))
                let p1 = ContinuousClock.now
                _ = try await PDFExtractor().pdftotextOutput(["-tsv", "-enc", "UTF-8", file.path, "-"])
                tsvPiped.append(ms(ContinuousClock.now - p1))
                tsv.append(try time { try spawn(pdftotext, ["-tsv", "-enc", "UTF-8", file.path, "/dev/null"]) })
                let c1 = cpuMs()
                let t0 = ContinuousClock.now
                let doc = try await PDFExtractor().extract(file: file, sourceName: file.lastPathComponent)
                let t1 = ContinuousClock.now
                let rec = try ReportParser().parse(Normalizer().normalize(doc))
                record.append(ms(ContinuousClock.now - t0))
                recordCPU.append(cpuMs() - c1)
                extract.append(ms(t1 - t0))
                cells = rec.allCells.filter { $0.value != nil }.count
            }
            var launch: [Double] = []
            for _ in 0..<runs {
                let t0 = ContinuousClock.now
                _ = try? await PDFExtractor(pdftotextPath: "/bin/true").extract(file: file, sourceName: "x")
                launch.append(ms(ContinuousClock.now - t0))
            }
            let tsvBytes = try capture(pdftotext, ["-tsv", "-enc", "UTF-8", file.path, "-"])
            var inproc: [Double] = []
            for _ in 0..<runs {
                let t0 = ContinuousClock.now
                _ = try PDFExtractor().document(tsv: tsvBytes, sourceName: "x")
                inproc.append(ms(ContinuousClock.now - t0))
            }
            let parsedDoc = try PDFExtractor().document(tsv: tsvBytes, sourceName: "x")
            var parse: [Double] = []
            for _ in 0..<runs {
                let t0 = ContinuousClock.now
                _ = try ReportParser().parse(Normalizer().normalize(parsedDoc))
                parse.append(ms(ContinuousClock.now - t0))
            }
            print(String(format: "  TSV → Document in process: %.2f ms (%d bytes of TSV); Document → record (Normalizer + ReportParser): %.2f ms",
                         median(inproc), tsvBytes.count, median(parse)))
            var bare: [Double] = []
            for _ in 0..<runs { bare.append(try time { try spawn("/bin/true", []) }) }
            print(String(format: "  launch via the extractor's runner (/bin/true): %.2f ms; posix_spawn /bin/true: %.2f ms", median(launch), median(bare)))
            let l = median(layout), lp = median(layoutPiped), t = median(tsv), r = median(record), e = median(extract)
            print(String(format: "  bare pdftotext -layout read through a pipe by the extractor's runner: %.1f ms (PDF → record %+.0f%% on top of it); -tsv the same way: %.1f ms",
                         lp, (r / lp - 1) * 100, median(tsvPiped)))
            let lc = median(layoutCPU), rc = median(recordCPU)
            print(String(format: "  CPU time (user+sys, this process and its children): bare -layout %.1f ms | PDF → record %.1f ms (%+.0f%%)",
                         lc, rc, (rc / lc - 1) * 100))
            print(String(format: "%@: bare pdftotext -layout %.1f ms | bare pdftotext -tsv %.1f ms | PDF → Document %.1f ms | PDF → record %.1f ms (%d cells) | %+.0f%% vs -layout",
                         file.lastPathComponent, l, t, e, r, cells, (r / l - 1) * 100))
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
