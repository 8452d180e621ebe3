import Foundation

/// The three portal shapes the crawler is tested against, each with its answer key:
/// TRS (createPageHTML pagination, 503 + Retry-After, redirect chain and loop, a GBK page whose
/// header says UTF-8, a page that only wraps a PDF, robots.txt Disallow + Crawl-delay),
/// Hanweb (大汉 datastore list, gzip, a stalled page, a 60 MB attachment) and
/// 集约化 (下一页/尾页 links over index_N.html, a connection reset).
public enum FixturePortals {
    /// What a correct crawl finds on a portal.
    public struct AnswerKey: Sendable {
        /// Paths of report documents (detail pages or files) the crawl must request.
        public var reports: Set<String>
        /// Paths that must never be requested (noise, robots-disallowed).
        public var neverRequested: Set<String>
        /// Paths that fail (loop, stall, reset, over the cap): one error each.
        public var failing: Set<String>
        /// List pages of the column.
        public var listPages: Set<String>
    }

    // MARK: TRS

    public static let trsRobots = "User-agent: *\nCrawl-delay: 0.2\nDisallow: /xxgk/ndbg/private/\n"

    public static func trs(delay: Double = 0.2) throws -> (FixturePortal, AnswerKey) {
        let p = FixturePortal()
        p.set("/robots.txt", .init(headers: [("Content-Type", "text/plain")],
                                   body: Data(trsRobots.replacingOccurrences(of: "0.2", with: "\(delay)").utf8)))
        p.set("/xxgk/ndbg/index.shtml", .html(listPage(title: "年度报告", items: [
            ("./202501/t20250120_1001.html", "通化市信访局2024年度政府信息公开工作...", "通化市信访局2024年度政府信息公开工作年度报告"),
            ("./202501/t20250120_1001.html#top", "通化市信访局2024年度政府信息公开工作年度报告", nil),
            ("./202403/t20240301_0900.html", "通化市2023年法治政府建设年度报告", nil),
            ("./202402/t20240201_0800.html", "通化市信访局2024年部门预算公开", nil),
            ("./private/t20240101_1.html", "通化市信访局政府信息公开工作年度报告（内部稿）", nil),
        ], script: "createPageHTML(2, 0, \"index\", \"shtml\");", nav: "/xxgk/ndbg/index.shtml")))
        p.set("/xxgk/ndbg/index_1.shtml", .html(listPage(title: "年度报告", items: [
            ("/xxgk/ndbg/202401/t20240125_0700.html", "2023年度政府信息公开工作年度报告", nil),
            ("/xxgk/ndbg/old/2022.html", "2022年政府信息公开工作年度报告", nil),
            ("/xxgk/ndbg/loop/a.html", "2021年政府信息公开工作年度报告", nil),
            ("/xxgk/ndbg/202101/t20210115_1.html", "关于《2020年政府信息公开工作年度报告》的解读", nil),
        ], script: "var countPage = 2; var currentPage = 1;\ncreatePageHTML(countPage, currentPage, 'index', 'shtml');", nav: "/xxgk/ndbg/index.shtml")))
        var r2024 = FixturePortal.Response.html(try reportPage(seed: "004", title: "通化市信访局2024年度政府信息公开工作年度报告"))
        r2024.behavior = .unavailable(times: 1, retryAfter: 1)
        p.set("/xxgk/ndbg/202501/t20250120_1001.html", r2024)
        p.set("/xxgk/ndbg/202401/t20240125_0700.html", .html(wrapperPage(title: "2023年度政府信息公开工作年度报告",
                                                                         file: "/xxgk/ndbg/202401/P020240125.pdf")))
        let pdf = (try? Data(contentsOf: Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf"))) ?? Data("%PDF-1.4\n".utf8)
        p.set("/xxgk/ndbg/202401/P020240125.pdf", .file(pdf, type: "application/pdf"))
        p.set("/xxgk/ndbg/old/2022.html", .redirect("/xxgk/ndbg/moved/2022.html", status: 301))
        p.set("/xxgk/ndbg/moved/2022.html", .redirect("/xxgk/ndbg/202301/t20230120_0600.html"))
        // GBK bytes, but the header claims UTF-8 (and there is no meta).
        p.set("/xxgk/ndbg/202301/t20230120_0600.html", .init(
            headers: [("Content-Type", "text/html; charset=utf-8")],
            body: try GBK.encode(try reportPage(seed: "001", title: "涧西区人民政府办公室2023年政府信息公开工作年度报告", meta: false))))
        p.set("/xxgk/ndbg/loop/a.html", .redirect("/xxgk/ndbg/loop/b.html"))
        p.set("/xxgk/ndbg/loop/b.html", .redirect("/xxgk/ndbg/loop/a.html"))
        let key = AnswerKey(
            reports: ["/xxgk/ndbg/202501/t20250120_1001.html", "/xxgk/ndbg/202401/t20240125_0700.html",
                      "/xxgk/ndbg/202401/P020240125.pdf", "/xxgk/ndbg/old/2022.html"],
            neverRequested: ["/xxgk/ndbg/202403/t20240301_0900.html", "/xxgk/ndbg/202402/t20240201_0800.html",
                             "/xxgk/ndbg/private/t20240101_1.html", "/xxgk/ndbg/202101/t20210115_1.html"],
            failing: ["/xxgk/ndbg/loop/a.html"],
            listPages: ["/xxgk/ndbg/index.shtml", "/xxgk/ndbg/index_1.shtml"])
        return (p, key)
    }

    // MARK: Hanweb

    public static func hanweb(hugeBytes: Int = 60 << 20, stallSeconds: Double = 5) throws -> (FixturePortal, AnswerKey) {
        let p = FixturePortal()
        p.set("/robots.txt", .init(headers: [("Content-Type", "text/plain")], body: Data("User-agent: *\nAllow: /\n".utf8)))
        let records = [
            ("/art/2024/1/20/art_123_1.html", "川汇区信访局2023年政府信息公开工作年度报告"),
            ("/art/2024/1/22/art_123_2.html", "金水区司法局2023年政府信息公开工作年度报告"),
            ("/art/2024/1/23/art_123_3.html", "2023年部门决算公开"),
            ("/art/2024/3/1/art_123_4.html", "关于印发2024年政务公开工作要点的通知"),
            ("/art/2023/1/5/art_123_9.html", "川汇区信访局2022年政府信息公开工作年度报告"),
        ].map { "<record><![CDATA[<li><a href=\"\($0.0)\" title=\"\($0.1)\" target=\"_blank\">\($0.1)</a><span>2024-01-20</span></li>]]></record>" }
        let list = """
        <html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
        <div class="nav"><a href="/">首页</a> <a href="/col/col123/index.html">政府信息公开年报</a></div>
        <div id="4567"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&columnid=123"></a>]]></nextgroup>
        <recordset>\(records.joined(separator: "\n"))</recordset></datastore></script></div>
        <script language="javascript" src="/module/jslib/jquery/jpage/jquery.jpage.js"></script>
        </body></html>
        """
        p.set("/col/col123/index.html", .html(list))
        p.set("/art/2024/1/20/art_123_1.html", .html(try reportPage(seed: "000", title: "川汇区信访局2023年政府信息公开工作年度报告")))
        let gz = (try? Data(contentsOf: Fixtures.fixture("crawl/hanweb-art-002.html.gz"))) ?? Data()
        p.set("/art/2024/1/22/art_123_2.html", .init(headers: [("Content-Type", "text/html; charset=utf-8")], body: gz, behavior: .gzip))
        p.set("/art/2024/1/22/P0200_big.pdf", .init(headers: [("Content-Type", "application/pdf")], behavior: .huge(bytes: hugeBytes),
                                                    validators: false))
        p.set("/art/2023/1/5/art_123_9.html", .init(headers: [("Content-Type", "text/html")], body: Data("<html>late</html>".utf8),
                                                    behavior: .stall(seconds: stallSeconds)))
        let key = AnswerKey(
            reports: ["/art/2024/1/20/art_123_1.html", "/art/2024/1/22/art_123_2.html", "/art/2023/1/5/art_123_9.html"],
            neverRequested: ["/art/2024/1/23/art_123_3.html", "/art/2024/3/1/art_123_4.html"],
            failing: ["/art/2023/1/5/art_123_9.html", "/art/2024/1/22/P0200_big.pdf"],
            listPages: ["/col/col123/index.html"])
        return (p, key)
    }

    // MARK: 集约化

    public static func jiyue() throws -> (FixturePortal, AnswerKey) {
        let p = FixturePortal()
        p.set("/robots.txt", .notFound)
        func pager(_ n: Int) -> String {
            let next = n < 2 ? "<a href=\"index_\(n + 1).html\">下一页</a>" : "<span>下一页</span>"
            return "<div class=\"page\"><a href=\"index.html\">首页</a> \(next) <a href=\"index_2.html\">尾页</a> 共3页</div>"
        }
        p.set("/zfxxgk/ndbg/index.html", .html(listPage(title: "政府信息公开年报", items: [
            ("./202401/t20240131_5.html", "沁源县信访局2023年度政府信息公开年度报告", nil),
            ("./202312/t20231201_4.html", "沁源县2023年国民经济和社会发展统计公报", nil),
        ], script: nil, nav: nil, pager: pager(0))))
        p.set("/zfxxgk/ndbg/index_1.html", .html(listPage(title: "政府信息公开年报", items: [
            ("./202301/t20230131_3.html", "沁源县信访局2022年度政府信息公开年度报告", nil),
        ], script: nil, nav: nil, pager: pager(1))))
        p.set("/zfxxgk/ndbg/index_2.html", .html(listPage(title: "政府信息公开年报", items: [
            ("./202201/t20220131_2.html", "沁源县信访局2021年度政府信息公开年度报告", nil),
        ], script: nil, nav: nil, pager: pager(2))))
        p.set("/zfxxgk/ndbg/202401/t20240131_5.html", .html(try reportPage(seed: "003", title: "沁源县信访局2023年度政府信息公开年度报告")))
        p.set("/zfxxgk/ndbg/202301/t20230131_3.html", .html(wrapperPage(title: "沁源县信访局2022年度政府信息公开年度报告",
                                                                        file: "/zfxxgk/ndbg/202301/W0202301.docx")))
        p.set("/zfxxgk/ndbg/202301/W0202301.docx", .file(Data("PK\u{3}\u{4}not really a docx".utf8),
                                                         type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        var reset = FixturePortal.Response.html(String(repeating: "<p>x</p>", count: 2000))
        reset.behavior = .reset
        p.set("/zfxxgk/ndbg/202201/t20220131_2.html", reset)
        let key = AnswerKey(
            reports: ["/zfxxgk/ndbg/202401/t20240131_5.html", "/zfxxgk/ndbg/202301/t20230131_3.html",
                      "/zfxxgk/ndbg/202301/W0202301.docx", "/zfxxgk/ndbg/202201/t20220131_2.html"],
            neverRequested: ["/zfxxgk/ndbg/202312/t20231201_4.html"],
            failing: ["/zfxxgk/ndbg/202201/t20220131_2.html"],
            listPages: ["/zfxxgk/ndbg/index.html", "/zfxxgk/ndbg/index_1.html", "/zfxxgk/ndbg/index_2.html"])
        return (p, key)
    }

    // MARK: Page builders


    /// A list page in site chrome; items are (href, text, title attribute).
    public static func listPage(title: String, items: [(String, String, String?)], script: String?, nav: String?,
                                pager: String = "") -> String {
        let lis = items.map { item in
            let t = item.2.map { " title=\"\($0)\"" } ?? ""
            return "<li><a href=\"\(item.0)\"\(t) target=\"_blank\">\(item.1)</a><span>2024-01-20</span></li>"
        }.joined(separator: "\n")
        let navLink = nav.map { "<a href=\"\($0)\">政府信息公开年报</a>" } ?? ""
        let js = script.map { "<div class=\"page\"><script>\($0)</script></div>" } ?? ""
        return """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title)</title></head><body>
        <div class="header"><a href="/">首页</a> <a href="/xxgk/">政府信息公开</a> \(navLink)
        <a href="/xxgk/zcjd/">政策解读</a> <a href="/xxgk/czyjs/">财政预决算</a></div>
        <ul class="list">
        \(lis)
        </ul>
        \(js)\(pager)
        <div class="footer"><a href="/sitemap.html">网站地图</a> 主办：某某人民政府办公室</div>
        </body></html>
        """
    }

    /// A detail page holding a seed report: lines with inner tabs become rows of a `<table>`
    /// (one cell per tab-separated field, as agencies' pages hold the statutory tables), the
    /// other lines paragraphs.
    public static func reportPage(seed: String, title: String, meta: Bool = true, transform: (String) -> String = { $0 }) throws -> String {
        let text = transform(try Fixtures.seedText(seed))
        var html: [String] = []
        var rows: [String] = []
        func flush() {
            if !rows.isEmpty { html.append("<table border=\"1\">\n" + rows.joined(separator: "\n") + "\n</table>") }
            rows = []
        }
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.contains("\t") {
                let cells = raw.split(separator: "\t", omittingEmptySubsequences: false)
                rows.append("<tr>" + cells.map { "<td>\(escape($0.trimmingCharacters(in: .whitespaces)))</td>" }.joined() + "</tr>")
            } else {
                flush()
                html.append("<p>\(escape(line))</p>")
            }
        }
        flush()
        let m = meta ? "<meta charset=\"utf-8\">" : ""
        return """
        <!DOCTYPE html><html><head>\(m)<title>\(title)</title><meta name="ArticleTitle" content="\(title)"></head><body>
        <div class="header"><a href="/">首页</a> <a href="/xxgk/ndbg/index.shtml">政府信息公开年报</a></div>
        <div class="article"><h1>\(title)</h1><div class="info">发布日期：2025-01-20</div>
        <div class="TRS_Editor">\(html.joined(separator: "\n"))</div></div>
        <div class="footer">主办：某某人民政府办公室</div></body></html>
        """
    }

    /// A detail page that only wraps an attachment.
    public static func wrapperPage(title: String, file: String) -> String {
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title)</title></head><body>
        <div class="article"><h1>\(title)</h1><div class="info">发布日期：2024-01-25</div>
        <div class="TRS_Editor"><p>详见附件。</p></div>
        <div class="fj">附件：<a href="\(file)">\(title)</a></div></div></body></html>
        """
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
