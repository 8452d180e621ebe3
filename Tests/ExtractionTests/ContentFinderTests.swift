import Foundation
import NianbaoCore
import Testing
@testable import Extraction

@Suite struct ContentFinderTests {
    @Test func smallestSubtreeHoldingTheHeadingsWhenThereIsNoKnownContainer() throws {
        let html = """
        <html><body><div class="left"><ul><li>关于做好安全生产工作的通知</li><li>政务公开</li></ul></div>
        <div class="right"><div class="x"><p>一、总体情况</p><p>本年度……</p><p>二、主动公开政府信息情况</p>
        <table><tr><td>规章</td><td>0</td></tr></table><p>六、其他需要报告的事项</p><p>无。</p></div>
        <div class="y">相关文章 关于做好防汛工作的通知</div></div></body></html>
        """
        let d = try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "plain.html")
        #expect(d.blocks.first?.text == "一、总体情况")
        #expect(d.blocks.last?.text == "无。")
        #expect(!d.flattenedText.contains("安全生产") && !d.flattenedText.contains("防汛"))
    }

    @Test func knownContainerWithoutHeadingsIsUsedForOtherPages() throws {
        let html = """
        <html><body><div class="nav">首页 政务公开</div><div class="TRS_Editor"><p>关于公布2024年度政府信息公开工作年度报告的通知</p></div>
        <div class="side">热点</div></body></html>
        """
        let d = try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "notice.html")
        #expect(d.blocks.map(\.text) == ["关于公布2024年度政府信息公开工作年度报告的通知"])
    }

    /// Each CMS container on its own: a page whose content has no section headings (a notice, a
    /// cover page) and whose chrome holds more text than the content. Without the container the
    /// page would be read whole; with it, only the content is kept.
    static let containers: [(name: String, open: String, close: String)] = [
        ("TRS .TRS_Editor", #"<div class="TRS_Editor">"#, "</div>"),
        ("TRS .TRS_UEDITOR", #"<div class="view TRS_UEDITOR trs_paper_default">"#, "</div>"),
        ("TRS .Custom_UnionStyle", #"<div class="Custom_UnionStyle">"#, "</div>"),
        ("TRS/Hanweb #zoom", #"<div id="zoom">"#, "</div>"),
        ("Hanweb ZJEG_RSS markers", "<!--ZJEG_RSS.content.begin-->", "<!--ZJEG_RSS.content.end-->"),
        ("Hanweb ContentStart/ContentEnd", #"<meta name="ContentStart">"#, #"<meta name="ContentEnd">"#),
        ("集约化 .article-content", #"<div class="article-content">"#, "</div>"),
        ("集约化 #UCAP-CONTENT", #"<div id="UCAP-CONTENT">"#, "</div>"),
        ("集约化 .xxgk_content", #"<div class="xxgk_content">"#, "</div>"),
    ]

    @Test(arguments: containers.indices)
    func eachKnownContainerIsFoundByItself(index: Int) throws {
        let c = Self.containers[index]
        let html = """
        <html><head><title>通知</title></head><body>
        <div class="top">登录 | 注册 首页 政务公开 信息公开指南 信息公开目录 依申请公开 政府信息公开年报</div>
        <div class="main"><div class="left"><ul><li>关于做好安全生产工作的通知</li><li>关于做好防汛抗旱工作的通知</li>
        <li>关于印发2025年重点工作任务分工的通知</li></ul></div>
        <div class="right">\(c.open)<p>本机关2024年政府信息公开工作年度报告见附件。</p><p>联系电话：0517-83600000</p>\(c.close)
        <div class="related">相关文章：关于公布2023年度政府信息公开工作年度报告的通知 关于公布2022年度报告的通知</div></div></div>
        <div class="footer">网站标识码3208000001 苏ICP备05000000号</div></body></html>
        """
        let d = try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "container.html")
        #expect(d.blocks.map(\.text) == ["本机关2024年政府信息公开工作年度报告见附件。", "联系电话：0517-83600000"], "\(c.name)")
    }

    @Test func containerMissingTheTablesLosesToTheHeadingSubtree() throws {
        // The editor div holds only the intro; the report body follows outside it.
        let html = """
        <html><body><div id="zoom"><p>根据条例，现公布本机关2023年度报告。</p></div>
        <div class="body"><p>一、总体情况</p><p>……</p><p>三、收到和处理政府信息公开申请情况</p><table><tr><td>自然人</td><td>3</td></tr></table>
        <p>五、存在的主要问题及改进情况</p></div></body></html>
        """
        let d = try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "split.html")
        #expect(d.blocks.first?.text == "一、总体情况")
        #expect(d.blocks.compactMap(\.table).first?.rows[0].map(\.text) == ["自然人", "3"])
    }

    @Test func aSidebarLinkNamingAHeadingDoesNotDefeatTheContainer() throws {
        let html = """
        <html><body><div class="side"><a href="/a.html">2022年政府信息公开工作总体情况</a></div>
        <div class="TRS_Editor"><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
        <p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p></div></body></html>
        """
        let d = try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "side.html")
        #expect(d.blocks.first?.text == "二、主动公开政府信息情况")
        #expect(!d.flattenedText.contains("2022年"))
    }

    @Test func chromeClassesAreWholeWordsAndNeverSwallowTheReport() throws {
        let html = """
        <html><body><div class="wz_content"><div class="position-relative"><p>一、总体情况</p>
        <table><tr><td>规章</td><td>0</td></tr></table></div>
        <div class="print-bar">【打印】</div><ul class="share-list"><li>微信</li></ul><div id="breadcrumb">首页 &gt; 年报</div>
        <p>六、其他需要报告的事项</p></div></body></html>
        """
        let d = try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "classes.html")
        #expect(d.blocks.map(\.kind) == [.paragraph, .table, .paragraph])
        #expect(!d.flattenedText.contains("打印") && !d.flattenedText.contains("微信") && !d.flattenedText.contains("首页"))
    }
}
