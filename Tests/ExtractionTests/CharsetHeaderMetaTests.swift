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

    /// A UTF-16 label in `<meta>` is never believed (the meta was read as ASCII, so the page is
    /// not UTF-16), whatever else the bytes hold: a stray NUL byte or the label "unicode".
    @Test(arguments: ["utf-16", "utf-16le", "unicode", "ucs-2"])
    func utf16InMetaIsIgnored(_ label: String) throws {
        var bytes = Data(page(meta: label, body: phrase).utf8)
        bytes.append(0)   // one NUL at the end
        let decision = CharsetDetector.decide(bytes, contentType: nil)
        #expect(decision.charset == "UTF-8")
        let d = try HTMLExtractor().extract(data: bytes, sourceName: "m.html")
        #expect(d.blocks.map(\.text).prefix(2) == [phrase, "朱镕基"])
    }

    /// From the HTTP header, UTF-16 without a BOM is believed on bytes that look like UTF-16, and
    /// not on a UTF-8 page that happens to hold a NUL byte.
    @Test func utf16InTheHeaderNeedsUTF16Bytes() throws {
        let html = "<html><head><title>年度报告</title></head><body><p>\(phrase)</p></body></html>"
        let le = Data(html.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })   // no BOM
        let d = try HTMLExtractor().extract(data: le, sourceName: "u.html", contentType: "text/html; charset=utf-16le")
        #expect(d.metadata.charset == "UTF-16LE")
        #expect(d.blocks.map(\.text) == [phrase])
        var utf8 = Data(html.utf8)
        utf8.append(0)
        #expect(CharsetDetector.decide(utf8, contentType: "text/html; charset=utf-16le").charset == "UTF-8")
    }
}
