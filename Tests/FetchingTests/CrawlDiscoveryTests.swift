import Foundation
import Testing
@testable import Crawling
import Extraction
import TestSupport

@Suite struct CrawlClassifierTests {
    let c = LinkClassifier(rules: .defaults)

    @Test func reportTitlesAreIn() {
        for t in ["通化市信访局2024年度政府信息公开工作年度报告", "沁源县信访局2023年度政府信息公开年度报告",
                  "2022年政府信息公开工作年报", "区政府2023年政务公开工作年度报告"] {
            #expect(c.isReport(text: t, title: nil, url: "http://a.gov.cn/t.html"), "\(t)")
        }
    }

    @Test func noiseIsOut() {
        for t in ["通化市2023年法治政府建设年度报告", "2024年部门预算公开", "2023年部门决算公开", "2023年统计公报",
                  "关于印发2024年政务公开工作要点的通知", "关于《2020年政府信息公开工作年度报告》的解读", "网站地图", "政策解读"] {
            #expect(!c.isReport(text: t, title: nil, url: "http://a.gov.cn/t.html"), "\(t)")
        }
        #expect(c.classify(text: "2024年部门预算公开", title: nil, url: "http://a/x") == .excluded("预算"))
    }

    @Test func titleAttributeRescuesCutText() {
        #expect(c.isReport(text: "通化市信访局2024年度政府信息公开工作...", title: "通化市信访局2024年度政府信息公开工作年度报告",
                           url: "http://a/t.html"))
        #expect(!c.isReport(text: "通化市信访局2024年度政府信息公开工作...", title: nil, url: "http://a/t.html"))
    }

    @Test func siteURLPatternAndOverride() {
        let rules = LinkRules.defaults.adding(include: [], exclude: ["内部"], urlInclude: ["/ndbg/t\\d+"], urlExclude: [],
                                              replaceDefaults: false)
        let site = LinkClassifier(rules: rules)
        #expect(site.isReport(text: "2023年度", title: nil, url: "http://a/ndbg/t20240101_1.html"))
        #expect(!site.isReport(text: "政府信息公开工作年度报告（内部）", title: nil, url: "http://a/x.html"))
        #expect(!site.isReport(text: "2023年度", title: nil, url: "http://a/other/t20240101_1.html"))
    }
}

@Suite struct CrawlListDiscoveryTests {
    @Test func trsCreatePageHTML() {
        let base = "http://x.gov.cn/zcbm/ndbg/index.shtml"
        #expect(Pagination.trsPages(html: "<script>createPageHTML(3, 0, \"index\", \"shtml\");</script>", pageURL: base) == [
            "http://x.gov.cn/zcbm/ndbg/index.shtml", "http://x.gov.cn/zcbm/ndbg/index_1.shtml", "http://x.gov.cn/zcbm/ndbg/index_2.shtml",
        ])
        // Newer signature with an element id, and variables.
        #expect(Pagination.trsPages(html: "createPageHTML('page_div',2,1,'index','html',35);", pageURL: base) == [
            "http://x.gov.cn/zcbm/ndbg/index.html", "http://x.gov.cn/zcbm/ndbg/index_1.html",
        ])
        #expect(Pagination.trsPages(html: "var countPage = 2;var currentPage = 0; createPageHTML(countPage, currentPage, \"index\", \"htm\");",
                                    pageURL: base).count == 2)
        #expect(Pagination.trsPages(html: "createPageHTML(1, 0, \"index\", \"shtml\");", pageURL: base).isEmpty)
    }

    @Test func trsListFindsReportsOnceAndPages() throws {
        let (portal, _) = try FixturePortals.trs()
        let html = portal.body("/xxgk/ndbg/index.shtml")
        let r = try ListPageDiscovery().discover(html: html, pageURL: "http://h/xxgk/ndbg/index.shtml")
        #expect(r.reports.map(\.url) == ["http://h/xxgk/ndbg/index.shtml",
                                         "http://h/xxgk/ndbg/202501/t20250120_1001.html",
                                         "http://h/xxgk/ndbg/private/t20240101_1.html"])
        #expect(r.reports[1].text == "通化市信访局2024年度政府信息公开工作年度报告")
        #expect(r.pages == ["http://h/xxgk/ndbg/index_1.shtml"])
        #expect(r.excluded.map(\.pattern) == ["解读", "决算", "法治政府", "预算"])
        #expect(r.excluded.map(\.text).contains("通化市2023年法治政府建设年度报告"))
    }

    @Test func hanwebDatastoreRecords() throws {
        let (portal, _) = try FixturePortals.hanweb()
        let html = portal.body("/col/col123/index.html")
        let doc = try HTMLDocument(utf8: html)
        #expect(DatastoreList.records(in: doc).count == 5)
        let r = try ListPageDiscovery().discover(html: html, pageURL: "http://h/col/col123/index.html")
        #expect(r.reports.map(\.url) == ["http://h/col/col123/index.html", "http://h/art/2024/1/20/art_123_1.html",
                                         "http://h/art/2024/1/22/art_123_2.html", "http://h/art/2023/1/5/art_123_9.html"])
        #expect(r.pages.isEmpty)
    }

    @Test func nextAndLastLinksFillTheGaps() throws {
        let html = """
        <html><body><ul><li><a href="a.html">x</a></li></ul>
        <a href="index.html">首页</a><a href="index_1.html">下一页</a><a href="index_4.html">尾页</a></body></html>
        """
        let r = try ListPageDiscovery().discover(html: html, pageURL: "http://h/col/index.html")
        #expect(r.pages == ["http://h/col/index_1.html", "http://h/col/index_2.html", "http://h/col/index_3.html", "http://h/col/index_4.html"])
    }

    @Test func attachmentsOfADetailPage() throws {
        let html = """
        <html><body><p>详见附件</p>
        <a href="/up/P0201.pdf">2023年报</a> <a href="/up/P0201.pdf">again</a>
        <a href="/down/download.jsp?fileid=9">附件：年报.docx</a>
        <a href="/up/report.WPS">wps</a> <a href="/up/pic.jpg">图片</a> <a href="/other.html">其他</a>
        <iframe src="/pdfjs/web/viewer.html?file=/up/embedded.pdf"></iframe>
        </body></html>
        """
        let a = try DetailPageDiscovery.attachments(html: html, pageURL: "http://h/art/1.html", site: nil)
        #expect(a.map(\.url) == ["http://h/up/P0201.pdf", "http://h/down/download.jsp?fileid=9", "http://h/up/report.WPS",
                                 "http://h/up/embedded.pdf"])
    }
}
