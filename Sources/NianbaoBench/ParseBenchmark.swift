import Foundation
import NianbaoCore
import Normalization
import Parsing
import TestSupport

/// `swift run -c release NianbaoBench parse [seconds]`: normalize + parse of the five seed texts
/// (about 6 KB each) in a loop on one core; prints reports per second.
enum ParseBenchmark {
    static func run(seconds: Double = 3) {
        let texts: [String]
        do { texts = try SeedAnswerKeys.names.map { try Fixtures.seedText($0) } } catch {
            print("parse benchmark: cannot read the seeds under \(Fixtures.shared.path): \(error)")
            return
        }
        let docs = texts.map { Document.plainText($0, metadata: DocumentMetadata(sourceName: "seed")) }
        let normalizer = Normalizer()
        let parser = ReportParser()
        // Warm up (label catalogs, schema decoding).
        for d in docs { _ = try? parser.parse(normalizer.normalize(d)) }
        var count = 0
        var cells = 0
        let start = Date()
        let cpuStart = threadCPUTime()
        var elapsed = 0.0
        while elapsed < seconds {
            for d in docs {
                if let r = try? parser.parse(normalizer.normalize(d)) { cells += r.tables.t3.count }
                count += 1
            }
            elapsed = Date().timeIntervalSince(start)
        }
        let cpu = threadCPUTime() - cpuStart
        let bytes = texts.reduce(0) { $0 + $1.utf8.count } / texts.count
        print(String(format: "parse: %d reports, %.2f s CPU (%.2f s wall) = %.0f reports/s per core by CPU time, %.0f by wall clock",
                     count, cpu, elapsed, Double(count) / cpu, Double(count) / elapsed))
        print("       normalize + parse of the five seed texts (avg \(bytes) bytes), one thread; \(cells) table 三 rows read")
    }

    /// CPU time of the calling thread: the per-core figure, unaffected by other processes on a shared machine.
    static func threadCPUTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
