import Foundation
import NianbaoCore
import Testing
@testable import Extraction

@Suite struct MetadataReaderTests {
    func metadata(_ html: String) throws -> DocumentMetadata {
        try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "meta.html").metadata
    }

    @Test func datesAreNormalised() {
        #expect(PrintedDate.normalize("2024-01-15 10:30") == "2024-01-15")
        #expect(PrintedDate.normalize("发布日期：2024年1月5日") == "2024-01-05")
        #expect(PrintedDate.normalize("2024/1/5") == "2024-01-05")
        #expect(PrintedDate.normalize("2024.12.31") == "2024-12-31")
        #expect(PrintedDate.normalize("2024-13-01") == nil)
        #expect(PrintedDate.normalize("点击数：2024") == nil)
        #expect(PrintedDate.normalize("2019年12月31日") == "2019-12-31")
    }

    @Test func inlineLabelsOnOneLine() throws {
        let m = try metadata("""
        <html><head><title>某县信访局2023年度报告_某县人民政府</title></head><body>
        <div class="info">发布时间：2024年1月5日 09:30&nbsp;&nbsp;信息来源：某县信访局&nbsp;&nbsp;点击数：12</div>
        <div class="TRS_Editor"><p>一、总体情况</p></div></body></html>
        """)
        #expect(m.title == "某县信访局2023年度报告")
        #expect(m.published == "2024-01-05")
        #expect(m.publisher == "某县信访局")
    }

    @Test func labelAndValueInSeparateCells() throws {
        let m = try metadata("""
        <html><body><table><tr><td>索 引 号：</td><td>000014349/2024-00012</td><td>发布机构：</td><td>某市司法局</td></tr>
        <tr><td>发文字号：</td><td>某司〔2024〕1号</td><td>成文日期：</td><td>2024-01-20</td></tr></table>
        <h1>某市司法局2023年政府信息公开工作年度报告</h1><div id="zoom"><p>正文</p></div></body></html>
        """)
        #expect(m.indexNumber == "000014349/2024-00012")
        #expect(m.publisher == "某市司法局")
        #expect(m.documentNumber == "某司〔2024〕1号")
        #expect(m.published == "2024-01-20")
        #expect(m.title == "某市司法局2023年政府信息公开工作年度报告")
    }

    @Test func metaTagsWin() throws {
        let m = try metadata("""
        <html><head><meta name="ArticleTitle" content="某区2023年报告"><meta name="PubDate" content="2024-02-01 08:00">
        <meta name="ContentSource" content="某区政府办"><title>首页</title></head><body><h1>某区人民政府</h1><p>正文</p></body></html>
        """)
        #expect(m.title == "某区2023年报告")
        #expect(m.published == "2024-02-01")
        #expect(m.publisher == "某区政府办")
    }
}
