import Foundation
import NianbaoCore
import Testing
import TestSupport
@testable import Extraction

/// The seed reports rendered as real CMS pages (Scripts/fixtures/make_html_fixtures.py).
/// Expected values are the page metadata the generator writes and the numbers printed in the seeds.
struct FixturePage: CustomTestStringConvertible, Sendable {
    var seed: String
    var file: String
    var testDescription: String { "\(seed)/\(file)" }
    var url: URL { Fixtures.fixture("html/\(seed)/\(file)") }

    static let all: [FixturePage] = ["000", "001", "002", "003", "004"].flatMap { s in
        ["trs-gbk.html", "hanweb.html", "jiyue-utf8.html"].map { FixturePage(seed: s, file: $0) }
    } + [FixturePage(seed: "001", file: "word-export.html"), FixturePage(seed: "004", file: "word-export.html"),
         FixturePage(seed: "001", file: "lying-header-gbk.html")]
}

/// Hand-copied from the seed texts (titles) and from the generator's page metadata.
let expectedMetadata: [String: (title: String, published: String, publisher: String, index: String, docno: String)] = [
    "000": ("川汇区信访局 2023 年政府信息公开工作年度报告", "2024-01-15", "川汇区信访局", "11411602MB1C00000X/2024-00012", "川信〔2024〕3号"),
    "001": ("涧西区人民政府办公室 2023 年政府信息公开工作年度报告", "2024-01-22", "涧西区人民政府办公室", "114103050057000000/2024-00031", "涧政办〔2024〕5号"),
    "002": ("金水区司法局 2023 年政府信息公开工作年度报告", "2024-01-30", "金水区司法局", "11410105MB0Y00000A/2024-00007", "金司〔2024〕2号"),
    "003": ("沁源县信访局2023年度政府信息公开年度报告", "2024-01-18", "沁源县信访局", "11140431012345678X/2024-00004", "沁信发〔2024〕1号"),
    "004": ("通化市信访局2024年度政府信息公开工作年度报告", "2025-01-20", "通化市信访局", "11220500013545000T/2025-00002", "通信发〔2025〕4号"),
]

func extractFixture(_ page: FixturePage, contentType: String? = nil, url: String? = nil) async throws -> Document {
    try await Extractor().extract(ExtractionInput(file: page.url, sourceName: page.testDescription, url: url, contentType: contentType))
}

func tables(_ d: Document) -> [TableGrid] { d.blocks.compactMap(\.table) }

/// The `index`th table of a document, or a recorded failure (not a crash) when there are fewer.
func table(_ d: Document, _ index: Int, sourceLocation: SourceLocation = #_sourceLocation) throws -> TableGrid {
    let all = tables(d)
    try #require(index < all.count, "only \(all.count) tables", sourceLocation: sourceLocation)
    return all[index]
}

/// Each fixture page extracted once (HTMLExtractor, as the dispatcher calls it) and shared by the
/// read-only tests below, so the suite does not parse the same 18 pages six times over.
enum FixtureDocuments {
    static let all: [String: Result<Document, any Error>] = Dictionary(uniqueKeysWithValues: FixturePage.all.map { page in
        let contentType = page.file.hasPrefix("lying") ? "text/html; charset=utf-8" : nil
        let result = Result<Document, any Error> {
            let data: Data
            do { data = try Data(contentsOf: page.url) } catch { throw ExtractionError(source: page.testDescription, reason: "\(error)") }
            return try HTMLExtractor().extract(data: data, sourceName: page.testDescription, contentType: contentType)
        }
        return (page.testDescription, result)
    })

    static func document(_ page: FixturePage) throws -> Document {
        guard let r = all[page.testDescription] else { throw ExtractionError(source: page.testDescription, reason: "not a fixture") }
        return try r.get()
    }
}

@Suite struct HTMLFixtureTests {
    @Test(arguments: FixturePage.all)
    func metadataIsFilled(_ page: FixturePage) async throws {
        let d = try await extractFixture(page)
        let m = try #require(expectedMetadata[page.seed])
        #expect(d.metadata.title == m.title)
        #expect(d.metadata.mediaType == "text/html")
        if page.file == "word-export.html" {
            #expect(d.metadata.charset == "GB18030")   // Word pages carry no 发布日期/索引号
            #expect(d.metadata.indexNumber == nil && d.metadata.documentNumber == nil)
            return
        }
        #expect(d.metadata.published == m.published)
        #expect(d.metadata.publisher == m.publisher)
        #expect(d.metadata.indexNumber == m.index)
        #expect(d.metadata.documentNumber == m.docno)
        #expect(d.metadata.charset == (page.file.contains("gbk") ? "GB18030" : "UTF-8"))
    }

    @Test(arguments: FixturePage.all)
    func chromeNeverReachesTheBlocks(_ page: FixturePage) throws {
        let d = try FixtureDocuments.document(page)
        let text = d.flattenedText
        for chrome in ["登录", "注册", "点击数", "浏览次数", "阅读次数", "ICP备", "网站标识码", "公网安备", "当前位置", "您现在的位置",
                       "打印本页", "关闭窗口", "分享到", "字号", "版权所有", "设为首页", "Math.random", "TRS_Editor P"] {
            #expect(!text.contains(chrome), "chrome \(chrome) in \(page.testDescription)")
        }
        // …while the report itself is all there: six section headings and the three tables.
        for heading in ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "行政复议、行政诉讼情况",
                        "存在的主要问题及改进情况", "其他需要报告的事项"] {
            #expect(d.blocks.contains { $0.text.contains(heading) }, "heading \(heading) missing in \(page.testDescription)")
        }
        #expect(tables(d).map { [$0.rowCount, $0.columnCount] } == [[14, 4], [28, 10], [4, 15]])
    }

    @Test(arguments: FixturePage.all)
    func gridsAreExpanded(_ page: FixturePage) throws {
        let t = tables(try FixtureDocuments.document(page))
        try #require(t.count == 3)
        let t2 = t[0], t3 = t[1], t4 = t[2]
        // Table 二: caption rows span the 4 columns; single-value cells span 3.
        #expect(t2.rows[0][3].text == "第二十条第（一）项" && t2.rows[0][3].originColumn == 0 && t2.rows[0][0].colSpan == 4)
        #expect(t2.rows[6][0].text == "行政许可" && t2.rows[6][3].originColumn == 1 && t2.rows[6][1].colSpan == 3)
        // Table 三: the corner cell 3×3, 申请人情况 colspan 7, 法人或其他组织 colspan 5, 总计 rowspan 2.
        let corner = t3.rows[2][2]
        #expect(corner.originRow == 0 && corner.originColumn == 0 && corner.rowSpan == 3 && corner.colSpan == 3)
        #expect(corner.text.hasPrefix("（本列数据的勾稽关系为"))
        #expect(t3.rows[0][9].text == "申请人情况" && t3.rows[0][9].originColumn == 3 && t3.rows[0][3].colSpan == 7)
        #expect(t3.rows[1][8].text == "法人或其他组织" && t3.rows[1][8].originColumn == 4 && t3.rows[1][4].colSpan == 5)
        #expect(t3.rows[2][9].text == "总计" && t3.rows[2][9].originRow == 1)
        #expect(t3.rows[2][3].text == "自然人" && t3.rows[2][3].originRow == 1)
        #expect(t3.rows[2].dropFirst(4).prefix(5).map(\.text) == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
        // 三、本年度办理结果 spans rows 5…26; （三）不予公开 rows 7…14.
        #expect(t3.rows[26][0].text == "三、本年度办理结果" && t3.rows[26][0].originRow == 5 && t3.rows[5][0].rowSpan == 22)
        #expect(t3.rows[14][1].text == "（三）不予公开" && t3.rows[14][1].originRow == 7 && t3.rows[14][2].text == "8.属于行政查询事项")
        #expect(t3.rows[27][2].text == "四、结转下年度继续办理" && t3.rows[27][2].originColumn == 0)
        // Table 四: three header levels.
        #expect(t4.rows[2][0].text == "结果维持" && t4.rows[2][0].originRow == 1)
        #expect(t4.rows[1][9].text == "未经复议直接起诉" && t4.rows[1][9].originColumn == 5)
        #expect(t4.rows[2][14].text == "总计" && t4.rows[2][14].isOrigin(row: 2, column: 14))
        #expect(t4.rows[3].count == 15 && t4.rows[3].allSatisfy { $0.text == "0" })
    }

    @Test(arguments: FixturePage.all.filter { $0.seed == "001" })
    func seed001NumbersIncludingSplitDigits(_ page: FixturePage) throws {
        let t2 = try table(try FixtureDocuments.document(page), 0)
        // seed 001: "行政规范性文件	1	0	14"
        #expect(t2.rows[3].map(\.text) == ["行政规范性文件", "1", "0", "14"])
    }

    @Test(arguments: FixturePage.all.filter { $0.seed == "002" })
    func seed002ApplicationCounts(_ page: FixturePage) throws {
        let t3 = try table(try FixtureDocuments.document(page), 1)
        // seed 002: 一、本年新收 1 0 0 0 0 0 1; （一）予以公开 1 … 1; （七）总计 1 … 1.
        #expect(t3.rows[3].dropFirst(3).map(\.text) == ["1", "0", "0", "0", "0", "0", "1"])
        #expect(t3.rows[5][1].text == "（一）予以公开" && t3.rows[5].dropFirst(3).map(\.text) == ["1", "0", "0", "0", "0", "0", "1"])
        #expect(t3.rows[26][1].text == "（七）总计" && t3.rows[26].dropFirst(3).map(\.text) == ["1", "0", "0", "0", "0", "0", "1"])
    }

    @Test(arguments: FixturePage.all.filter { $0.seed == "004" })
    func seed004BlankCellsStayEmpty(_ page: FixturePage) throws {
        let t3 = try table(try FixtureDocuments.document(page), 1)
        // seed 004: row （四）1 has blank 自然人 and 总计 (a lone no-break space) with zeros between.
        #expect(t3.rows[15][2].text == "1.本机关不掌握相关政府信息")
        #expect(t3.rows[15].dropFirst(3).map(\.text) == ["", "0", "0", "0", "0", "0", ""])
        #expect(t3.rows[15][3].isOrigin(row: 15, column: 3))
    }

    @Test func wordExportKeepsLabelsSplitAcrossSpans() throws {
        let d = try FixtureDocuments.document(FixturePage(seed: "001", file: "word-export.html"))
        let t3 = try table(d, 1)
        #expect(t3.rows[15][1].text == "（四）无法提供")
        #expect(t3.rows[24][2].text == "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
        #expect(d.blocks.contains { $0.text == "二、主动公开政府信息情况" })
        #expect(d.blocks.contains { $0.text.contains("全年主动公开各类信息 1152 条") })
    }

    @Test func headerSaysUTF8ButBytesAreGBK() async throws {
        let d = try await extractFixture(FixturePage(seed: "001", file: "lying-header-gbk.html"), contentType: "text/html; charset=utf-8")
        #expect(d.metadata.charset == "GB18030")
        #expect(d.metadata.title == "涧西区人民政府办公室 2023 年政府信息公开工作年度报告")
        #expect(d.notes.contains { $0.contains("contradicted by the bytes") })
        #expect(!d.flattenedText.contains("\u{FFFD}"))
        #expect(try table(d, 0).rows[3].map(\.text) == ["行政规范性文件", "1", "0", "14"])
    }

    @Test func attachmentsAreCollectedWithTheirText() async throws {
        let base = "http://www.jianxi.gov.cn/art/2024/1/22/art_1229_1.html"
        let hanweb = try await extractFixture(FixturePage(seed: "001", file: "hanweb.html"), url: base)
        #expect(hanweb.attachments == [AttachmentLink(url: "http://www.jianxi.gov.cn/module/download/downfile.jsp?classid=0&filename=1b2c3d4e5f.docx",
                                                      text: "年度报告（word版）")])
        let jiyue = try await extractFixture(FixturePage(seed: "002", file: "jiyue-utf8.html"))
        #expect(jiyue.attachments.map(\.url) == ["/attach/0/5f1e2d3c4b5a.pdf", "/attach/0/tables.xlsx"])
        #expect(jiyue.attachments.first?.text == "金水区司法局 2023 年政府信息公开工作年度报告.pdf")
    }
}
