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
        var elapsed = 0.0
        while elapsed < seconds {
            for d in docs {
                if let r = try? parser.parse(normalizer.normalize(d)) { cells += r.tables.t3.count }
                count += 1
            }
            elapsed = Date().timeIntervalSince(start)
        }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count } / texts.count
        print(String(format: "parse: %d reports in %.2f s = %.0f reports/s (normalize + parse, one core, seed texts avg %d bytes; %d t3 rows read)",
                     count, elapsed, Double(count) / elapsed, bytes, cells))
    }
}
