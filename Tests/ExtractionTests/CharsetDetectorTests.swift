import Foundation
import Testing
@testable import Extraction

let gb18030 = String.Encoding(rawValue: 0x8000_0632)

@Suite struct CharsetDetectorTests {
    @Test func headerSaysUTF8ButBytesAreGBK() throws {
        let html = "<html><head><meta charset=\"utf-8\"><title>通化市信访局2024年度报告</title></head><body>镕</body></html>"
        let bytes = try #require(html.data(using: gb18030))
        let d = PageDecoder.decode(bytes, contentType: "text/html; charset=UTF-8")
        #expect(d.decision.charset == "GB18030")
        #expect(d.decision.decidedBy == "bytes")
        #expect(d.decision.declaredHTTP == "UTF-8")
        #expect(d.decision.declaredMeta == "utf-8")
        #expect(d.text.contains("通化市信访局2024年度报告"))
        #expect(d.text.contains("镕"))
        #expect(d.invalidSequences == 0)
    }

    @Test func metaGB2312IsReadAsGB18030() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>朱镕基</body></html>"
        let bytes = try #require(html.data(using: gb18030))
        let d = PageDecoder.decode(bytes, contentType: nil)
        #expect(d.decision.charset == "GB18030")
        #expect(d.decision.decidedBy == "meta")
        #expect(d.text.contains("朱镕基"))
    }

    @Test func gbkDeclaredButUTF8Bytes() {
        let html = "<html><head><meta charset=\"gbk\"></head><body>政府信息公开</body></html>"
        let d = PageDecoder.decode(Data(html.utf8), contentType: nil)
        #expect(d.decision.charset == "UTF-8")
        #expect(d.text.contains("政府信息公开"))
    }

    @Test func strayByteBecomesReplacementAndTheRestSurvives() throws {
        var bytes = try #require("前文".data(using: gb18030))
        bytes.append(0xFF)
        bytes.append(try #require("后文结束".data(using: gb18030)))
        let d = PageDecoder.decode(bytes, contentType: "text/html; charset=gbk")
        #expect(d.text == "前文\u{FFFD}后文结束")
        #expect(d.invalidSequences == 1)
    }

    @Test func bomWins() {
        var bytes = Data([0xEF, 0xBB, 0xBF])
        bytes.append(Data("年度报告".utf8))
        let d = PageDecoder.decode(bytes, contentType: "text/html; charset=gbk")
        #expect(d.decision.charset == "UTF-8")
        #expect(d.decision.decidedBy == "bom")
        #expect(d.text == "年度报告")
    }
}

@Suite struct LinkCollectorTests {
    @Test func resolvesRelativeAndChineseHrefs() throws {
        let html = """
        <html><body><a href="./202501/t20250120_1.html" title="通化市信访局2024年度政府信息公开工作年度报告">通化市信访局2024年度…</a>
        <a href="javascript:void(0)">打印</a><a href="../附件/报告.pdf"><span>附件</span>：<font>报告</font></a></body></html>
        """
        let doc = try HTMLDocument(utf8: html, url: nil)
        let links = LinkCollector.links(in: doc, baseURL: "http://xxgk.tonghua.gov.cn/zcbm/fgw_98107/ndbg/index.html")
        #expect(links.count == 2)
        #expect(links[0].url == "http://xxgk.tonghua.gov.cn/zcbm/fgw_98107/ndbg/202501/t20250120_1.html")
        #expect(links[0].title == "通化市信访局2024年度政府信息公开工作年度报告")
        #expect(links[1].url == "http://xxgk.tonghua.gov.cn/zcbm/fgw_98107/%E9%99%84%E4%BB%B6/%E6%8A%A5%E5%91%8A.pdf")
        #expect(links[1].text == "附件：报告")
    }

    @Test func deeplyNestedTablesDoNotOverflow() throws {
        let html = String(repeating: "<table><tr><td>", count: 10_000) + "深" + String(repeating: "</td></tr></table>", count: 10_000)
        let doc = try HTMLDocument(utf8: html)
        let text = try #require(doc.root).textContent()
        #expect(text.contains("深"))   // XML_PARSE_HUGE lifts libxml2's depth limit: nothing is dropped
    }
}
