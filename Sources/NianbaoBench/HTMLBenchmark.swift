import Extraction
import Foundation
import NianbaoCore
import Pipeline
import TestSupport

/// `NianbaoBench html [seconds]`: HTML page → Document (and → record through DocumentProcessor)
/// throughput on one core, over the 18 committed fixture pages padded with realistic portal chrome
/// (menus, related-article lists, footers) to about 100 KB each, in their own charsets (GBK or UTF-8).
enum HTMLBenchmark {
    static func run(_ args: [String]) async throws {
        let seconds = args.first.flatMap(Double.init) ?? 3
        let pages = try loadPages()
        let avg = pages.map(\.data.count).reduce(0, +) / max(pages.count, 1)
        print("pages: \(pages.count) fixture pages, average \(avg / 1024) KB (padded)")

        // Warm-up, and a check that every page still yields its three tables.
        for p in pages {
            let d = try HTMLExtractor().extract(data: p.data, sourceName: p.name)
            let tables = d.blocks.filter { $0.kind == .table }.count
            if tables != 3 { print("warning: \(p.name): \(tables) tables") }
        }

        let extractor = HTMLExtractor()
        var n = 0
        var bytes = 0
        let cpu0 = cpuSeconds()
        let start = Date()
        while Date().timeIntervalSince(start) < seconds {
            for p in pages {
                _ = try extractor.extract(data: p.data, sourceName: p.name)
                bytes += p.data.count
            }
            n += pages.count
        }
        let elapsed = Date().timeIntervalSince(start)
        let cpu = cpuSeconds() - cpu0
        print(String(format: "html → document: %d pages in %.2f s wall = %.0f pages/s, %.1f MB/s (one thread)",
                     n, elapsed, Double(n) / elapsed, Double(bytes) / elapsed / 1e6))
        print(String(format: "                 CPU time %.2f s = %.2f ms/page = %.0f pages/s per core (wall figures suffer when the machine is shared)",
                     cpu, cpu * 1000 / Double(n), Double(n) / cpu))

        // Full path through the pipeline stages (file → Extractor → Normalizer → ReportParser).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bench-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var inputs: [ExtractionInput] = []
        for (i, p) in pages.enumerated() {
            let url = dir.appendingPathComponent("\(i).html")
            try p.data.write(to: url)
            inputs.append(ExtractionInput(file: url, sourceName: p.name))
        }
        let processor = DocumentProcessor()
        var records = 0, failures = 0, m = 0
        var firstFailure: String?
        let cpu2 = cpuSeconds()
        let start2 = Date()
        while Date().timeIntervalSince(start2) < seconds {
            for input in inputs {
                switch await processor.process(input) {
                case .report: records += 1
                case .notReport(_, let message, _):
                    failures += 1
                    if firstFailure == nil { firstFailure = "parse: \(message)" }
                case .failed(let stage, let message, _):
                    failures += 1
                    if firstFailure == nil { firstFailure = "\(stage): \(message)" }
                }
            }
            m += inputs.count
        }
        let elapsed2 = Date().timeIntervalSince(start2)
        let cpuUsed2 = cpuSeconds() - cpu2
        print(String(format: "html → record:   %d pages in %.2f s wall = %.0f pages/s; CPU %.2f ms/page = %.0f pages/s per core (%d records, %d failed)",
                     m, elapsed2, Double(m) / elapsed2, cpuUsed2 * 1000 / Double(m), Double(m) / cpuUsed2, records, failures))
        if let firstFailure { print("  first failure: \(firstFailure)") }
    }

    /// CPU time used by the process so far (all threads; the benchmark runs on one).
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    struct Page { var name: String; var data: Data }

    static func loadPages() throws -> [Page] {
        let root = Fixtures.fixture("html")
        var out: [Page] = []
        for seed in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
            let dir = root.appendingPathComponent(seed)
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where file.hasSuffix(".html") {
                let raw = try Data(contentsOf: dir.appendingPathComponent(file))
                out.append(Page(name: "\(seed)/\(file)", data: pad(raw, to: 100 * 1024)))
            }
        }
        return out
    }

    /// Inserts a related-articles sidebar and a site-map footer before </body> until the page is `target` bytes.
    static func pad(_ raw: Data, to target: Int) -> Data {
        let decoded = PageDecoder.decode(raw, contentType: nil)
        var text = decoded.text
        let gbk = decoded.decision.charset == "GB18030"
        let perByte = gbk ? 2.0 / 3.0 : 1.0        // CJK: 3 bytes in UTF-8, 2 in GBK
        var filler = "<div class=\"related\"><h3>相关文章</h3><ul>"
        var i = 0
        let topics = ["安全生产", "防汛抗旱", "森林防火", "政务公开", "营商环境", "乡村振兴", "信访积案化解", "城乡环境整治", "疫情防控", "人才引进"]
        while Double(raw.count) + Double(filler.utf8.count) * perByte < Double(target) - 200 {
            let t = topics[i % topics.count]
            filler += "<li><a href=\"/art/2024/\(i % 12 + 1)/\(i)/art_1229_\(i).html\" title=\"关于做好\(t)工作的通知（第\(i)期）\">关于做好\(t)工作的通知（第\(i)期）</a><span class=\"date\">2024-\(i % 12 + 1)-\(i % 28 + 1)</span></li>\n"
            i += 1
        }
        filler += "</ul></div>"
        if let r = text.range(of: "</body>", options: .backwards) { text.insert(contentsOf: filler, at: r.lowerBound) } else { text += filler }
        if gbk { return text.data(using: String.Encoding(rawValue: 0x8000_0632)) ?? Data(text.utf8) }
        return Data(text.utf8)
    }
}
