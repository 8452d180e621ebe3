import Foundation
import NianbaoCore
import Testing
@testable import Extraction

@Suite struct HTMLBadInputTests {
    func temporaryFile(_ name: String, _ data: Data) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    /// 50 MB of HTML is over the documented 32 MiB cap: a clear error naming the file, before it is read.
    @Test func fiftyMegabytesOfHTMLIsRefusedByTheSizeCap() async throws {
        // Written in 1 MiB chunks: the test must not spend seconds building one 50 MB string.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("huge.html")
        let row = Data("<tr><td>行政许可</td><td>0</td></tr>\n".utf8)
        var chunk = Data()
        while chunk.count < 1 << 20 { chunk.append(row) }
        FileManager.default.createFile(atPath: url.path, contents: Data("<html><body><table>".utf8))
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        for _ in 0..<50 { try handle.write(contentsOf: chunk) }
        try handle.close()
        defer { try? FileManager.default.removeItem(at: dir) }
        let start = Date()
        do {
            _ = try await Extractor().extract(ExtractionInput(file: url, sourceName: "huge.html"))
            Issue.record("expected the size cap to refuse the page")
        } catch let e as ExtractionError {
            #expect(e.source == "huge.html")
            #expect(e.reason.contains("larger than the 33554432-byte cap"))
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    /// Below the cap, a large page is read in full (here 5,000 table rows).
    @Test func aLargePageBelowTheCapIsReadWhole() throws {
        let row = "<tr><td>行政许可</td><td>7</td></tr>\n"
        let page = "<html><body><table>" + String(repeating: row, count: 5_000) + "<tr><td>末行</td><td>9</td></tr></table></body></html>"
        let d = try HTMLExtractor().extract(data: Data(page.utf8), sourceName: "big.html")
        let g = try #require(d.blocks.first?.table)
        #expect(g.rowCount == 5_001)
        #expect(g.rows.last?.map(\.text) == ["末行", "9"])
    }

    @Test func tenThousandNestedTablesDoNotCrash() throws {
        let html = "<html><body><p>开头</p>" + String(repeating: "<table><tr><td>x</td><td>", count: 10_000) + "深"
            + String(repeating: "</td></tr></table>", count: 10_000) + "<p>结尾</p></body></html>"
        let d = try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "nested.html")
        // XML_PARSE_HUGE lifts libxml2's depth limit (256), so the whole page is there; every walk is iterative.
        #expect(d.blocks.first?.text == "开头")
        #expect(d.blocks.last?.text == "结尾")
        let grids = d.blocks.compactMap(\.table)
        #expect(grids.count == 10_000)
        #expect(grids.last?.rows[0].map(\.text) == ["x", "深"])
    }

    @Test func twentyThousandNestedElementsDoNotCrash() throws {
        let html = "<html><body><p>一、总体情况</p>" + String(repeating: "<div class=\"c\"><span>", count: 20_000) + "深"
            + String(repeating: "</span></div>", count: 20_000) + "<p>六、其他需要报告的事项</p></body></html>"
        let d = try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "deep.html")
        #expect(d.blocks.map(\.text) == ["一、总体情况", "深", "六、其他需要报告的事项"])
    }

    @Test(arguments: [("utf-8", "UTF-8"), ("gb2312", "GB18030"), ("gbk", "GB18030"), ("gb18030", "GB18030"), ("big5", "BIG5")])
    func invalidBytesBecomeReplacementCharactersAndANote(_ declared: String, _ used: String) throws {
        let encoding: String.Encoding = switch used {
        case "BIG5": .init(rawValue: 0x8000_0A03)   // kCFStringEncodingBig5
        case "GB18030": .init(rawValue: 0x8000_0632)
        default: .utf8
        }
        func bytes(_ s: String) throws -> Data { try #require(s.data(using: encoding)) }
        var data = try bytes("<html><head><meta charset=\"\(declared)\"><title>年度報告</title></head><body><p>前文")
        data.append(contentsOf: [0xFF, 0x80])       // invalid in every one of these charsets (and cannot pair with what follows)
        data.append(try bytes("後文</p><table><tr><td>規章</td><td>5</td></tr></table><p>結尾</p></body></html>"))
        let d = try HTMLExtractor().extract(data: data, sourceName: "bad-\(declared).html")
        #expect(d.metadata.charset == used)
        #expect(d.blocks.first?.text.hasPrefix("前文\u{FFFD}") == true)
        #expect(d.blocks.first?.text.hasSuffix("後文") == true)
        #expect(d.blocks.last?.text == "結尾")                     // nothing truncated after the bad bytes
        #expect(d.blocks.compactMap(\.table).first?.rows[0].map(\.text) == ["規章", "5"])
        #expect(d.notes.contains { $0.contains("invalid byte sequence") && $0.contains("U+FFFD") })
    }

    @Test func emptyAndGarbageFilesGetClearErrorsOrEmptyDocuments() async throws {
        let empty = try temporaryFile("empty.html", Data())
        let d = try await Extractor().extract(ExtractionInput(file: empty))
        #expect(d.blocks.isEmpty)
        let binary = try temporaryFile("blob.bin", Data([0x00, 0x01, 0x02, 0xFF, 0x00]))
        await #expect(throws: ExtractionError.self) { try await Extractor().extract(ExtractionInput(file: binary, sourceName: "blob.bin")) }
    }
}
