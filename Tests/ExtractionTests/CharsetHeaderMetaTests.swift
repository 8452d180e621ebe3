import Foundation
import NianbaoCore
import Testing
import TestSupport
@testable import Extraction

/// The HTTP Content-Type and `<meta charset>` name different charsets: the bytes decide.
@Suite struct CharsetHeaderMetaTests {
    let phrase = "政府信息公开工作年度报告"

    func page(meta: String, body: String) -> String {
        "<html><head><meta charset=\"\(meta)\"><title>年度报告</title></head><body><p>\(body)</p><p>朱镕基</p></body></html>"
    }

    @Test func headerGBKMetaUTF8BytesUTF8IsUTF8() throws {
        let d = try HTMLExtractor().extract(data: Data(page(meta: "utf-8", body: phrase).utf8), sourceName: "a.html",
                                            contentType: "text/html; charset=gbk")
        #expect(d.metadata.charset == "UTF-8")
        #expect(d.blocks.map(\.text) == [phrase, "朱镕基"])
        #expect(d.notes == ["declared charset gbk contradicted by the bytes; decoded as UTF-8",
                            "no main-content container or report section headings found; the whole page was read"])
    }

    @Test func headerUTF8MetaGB2312BytesGBKIsGB18030() throws {
        let bytes = try GBK.encode(page(meta: "gb2312", body: phrase))   // 镕 is GBK, not GB2312
        let decision = CharsetDetector.decide(bytes, contentType: "text/html; charset=utf-8")
        #expect(decision == CharsetDecision(charset: "GB18030", decidedBy: "bytes", declaredHTTP: "utf-8", declaredMeta: "gb2312"))
        let d = try HTMLExtractor().extract(data: bytes, sourceName: "b.html", contentType: "text/html; charset=utf-8")
        #expect(d.metadata.charset == "GB18030")
        #expect(d.blocks.map(\.text) == [phrase, "朱镕基"])
        #expect(d.notes.first == "declared charset utf-8 contradicted by the bytes; decoded as GB18030")
    }

    /// An ASCII page reads the same in UTF-8 and GB18030: the HTTP header is taken (it comes first, as in
    /// browsers), and the Chinese text written as character references survives either way. A UTF-16
    /// declaration without a BOM on bytes with no NUL is not believed: the meta (or the bytes) decides.
    @Test(arguments: [("gbk", "utf-8", "GB18030", "http"), ("utf-8", "gbk", "UTF-8", "http"),
                      ("utf-16le", "utf-8", "UTF-8", "meta"), ("utf-16", "gb2312", "GB18030", "meta")])
    func asciiPageTakesTheHeaderUnlessItSaysUTF16(_ header: String, _ meta: String, _ used: String, _ decidedBy: String) throws {
        let ascii = page(meta: meta, body: "2024 " + phrase).unicodeScalars.map { $0.isASCII ? String($0) : "&#\($0.value);" }.joined()
        let bytes = Data(ascii.utf8)
        #expect(bytes.allSatisfy { $0 < 0x80 })
        let decision = CharsetDetector.decide(bytes, contentType: "text/html; charset=\(header)")
        #expect(decision.charset == used)
        #expect(decision.decidedBy == decidedBy)
        let d = try HTMLExtractor().extract(data: bytes, sourceName: "c.html", contentType: "text/html; charset=\(header)")
        #expect(d.metadata.charset == used)
        #expect(d.metadata.title == "年度报告")
        #expect(d.blocks.map(\.text) == ["2024 " + phrase, "朱镕基"])
        let overruled = d.notes.filter { $0.hasPrefix("declared charset") }
        #expect(overruled == (decidedBy == "meta" ? ["declared charset \(header) contradicted by the bytes; decoded as \(used)"] : []))
    }
}
