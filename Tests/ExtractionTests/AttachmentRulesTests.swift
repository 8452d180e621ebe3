import Foundation
import Testing
import NianbaoCore
@testable import Extraction

/// One set of attachment rules for the Extractor and the crawler.
@Suite struct AttachmentRulesTests {
    @Test(arguments: [
        // Files by extension, any case, with a query or a fragment.
        ("http://h/up/P020240125.pdf", "", true),
        ("/up/report.WPS", "", true),
        ("/up/a.docx?v=2#page=1", "", true),
        ("/up/tables.xlsx", "", true),
        ("/up/all.zip", "", true),
        ("/up/old-report.doc", "", true),
        ("/up/tables.xls", "", true),
        ("/module/download.jsp?id=3", "", true),
        // Download handlers named by their last path segment: always.
        ("/module/download/downfile.jsp?classid=0&filename=1b2c.docx", "", true),
        ("/DownLoad.aspx?id=9", "", true),
        ("/common/getFile?id=77", "", true),
        ("/down.jsp?fileid=3", "", true),
        // Handlers only by a word elsewhere in the URL: with link text that says it is a file.
        ("/attachment/2024/12", "附件：年度报告", true),
        ("/attachment/2024/12", "2023年度报告", false),
        ("/file.do?fileid=5", "年报.pdf", true),
        ("/file.do?fileid=5", "年报", false),
        ("/download/2024/12", "附件：年报", true),
        ("/download/2024/13", "新闻", false),
        // PDF viewers: the file behind them.
        ("/pdfjs/web/viewer.html?file=/up/x.pdf", "", true),
        ("/pdfjs/web/viewer.html?file=/up/x.png", "", false),
        // Pages and pictures are not attachments.
        ("/xxgk/ndbg/t20240125_1.html", "2023年度报告", false),
        ("/xxgk/countdown.html", "倒计时", false),
        ("/download/index.html", "下载中心", false),
        ("/up/pic.jpg", "图片", false),
        ("javascript:download('a.pdf')", "下载", false),
        ("#top", "", false),
    ])
    func recognises(url: String, text: String, expected: Bool) {
        #expect(AttachmentRules.isAttachment(url: url, text: text) == expected, "\(url) [\(text)]")
    }

    @Test func reportTypesOnlyWhenAsked() {
        let reports = AttachmentRules.reportExtensions
        #expect(AttachmentRules.isAttachment(url: "/up/a.pdf", text: "", extensions: reports))
        #expect(!AttachmentRules.isAttachment(url: "/up/tables.xlsx", text: "", extensions: reports))
        // A handler's type is unknown until fetched: it stays.
        #expect(AttachmentRules.isAttachment(url: "/downfile.jsp?id=1", text: "", extensions: reports))
    }

    @Test func viewerTargetsResolveAgainstTheViewer() {
        #expect(AttachmentRules.viewerTarget("http://h/pdfjs/web/viewer.html?file=/up/x.pdf") == "http://h/up/x.pdf")
        #expect(AttachmentRules.viewerTarget("http://h/a/viewer.html?file=x.pdf") == "http://h/a/x.pdf")
        #expect(AttachmentRules.viewerTarget("http://h/a/viewer.html?page=2") == nil)
    }

    /// An `<embed>` written the usual way, unclosed: libxml2 nests the rest of the container in it.
    /// The links and the text after it must still be read.
    @Test func anUnclosedEmbedHidesNothing() throws {
        let html = """
        <html><body><div class="TRS_Editor"><p>一、总体情况</p>
        <embed src="/up/e.pdf" type="application/pdf"><iframe src="/up/i.pdf"></iframe><a href="/up/z.pdf">z</a>
        <p>六、其他需要报告的事项</p><object data="/up/o.pdf"><a href="/up/fallback.pdf">下载</a></object></div></body></html>
        """
        let doc = try HTMLDocument(utf8: html, url: "http://h/art/1.html")
        #expect(AttachmentCollector.collect(doc, pageURL: "http://h/art/1.html").map(\.url)
                == ["http://h/up/e.pdf", "http://h/up/i.pdf", "http://h/up/z.pdf", "http://h/up/o.pdf", "http://h/up/fallback.pdf"])
        let extracted = try HTMLExtractor().extract(data: Data(html.utf8), sourceName: "embed.html", url: "http://h/art/1.html", contentType: nil)
        #expect(extracted.blocks.map(\.text).contains("六、其他需要报告的事项"), "\(extracted.blocks.map(\.text))")
        #expect(extracted.attachments.count == 5)
    }

    /// The Extractor's attachments of a page mixing every kind, in page order, resolved, once each.
    @Test func theExtractorCollectsEveryKind() throws {
        let html = """
        <html><head><base href="http://h/art/"></head><body><div class="TRS_Editor"><p>详见附件</p>
        <a href="/up/P0201.pdf">2023年报</a> <a href="/up/P0201.pdf">again</a>
        <a href="/common/getFile?id=77" title="年报（word版）"></a>
        <a href="/attachment/12">附件下载</a> <a href="/attachment/13">2023年度报告</a>
        <a href="/download/2024/12">附件：年报</a> <a href="/download/2024/13">新闻</a>
        <a href="tables.xlsx">附表</a> <a href="/up/pic.jpg">图片</a> <a href="javascript:void(0)">打印</a>
        <iframe src="/pdfjs/web/viewer.html?file=/up/embedded.pdf"></iframe>
        <embed src="/up/embed.pdf" type="application/pdf">
        <object data="/swf/player.swf"></object>
        </div></body></html>
        """
        let doc = try HTMLDocument(utf8: html, url: "http://h/art/1.html")
        let links = AttachmentCollector.collect(doc, pageURL: "http://h/art/1.html")
        #expect(links == [
            AttachmentLink(url: "http://h/up/P0201.pdf", text: "2023年报"),
            AttachmentLink(url: "http://h/common/getFile?id=77", text: "年报（word版）"),
            AttachmentLink(url: "http://h/attachment/12", text: "附件下载"),
            AttachmentLink(url: "http://h/download/2024/12", text: "附件：年报"),
            AttachmentLink(url: "http://h/art/tables.xlsx", text: "附表"),
            AttachmentLink(url: "http://h/up/embedded.pdf", text: "embedded.pdf"),
            AttachmentLink(url: "http://h/up/embed.pdf", text: "embed.pdf"),
        ])
    }
}
