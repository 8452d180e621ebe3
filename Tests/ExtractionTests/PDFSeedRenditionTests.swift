import Foundation
import Testing
import NianbaoCore
import TestSupport
import Normalization
import Parsing
@testable import Extraction

/// What the five seed reports' tables hold, read by hand from ../shared/seeds (every cell not listed
/// here is 0): seed 001 has 行政规范性文件 1/0/14; seed 002 has one application (new_received,
/// r1_granted, r7_total: 自然人 1, 总计 1); seed 004 leaves 自然人 and 总计 of （四）1 blank.
enum SeedTables {
    static func t2(_ seed: String) -> [String: [Double?]] {
        var t: [String: [Double?]] = ["规章": [0, 0, 0], "行政规范性文件": [0, 0, 0], "行政许可": [0, nil, nil],
                                      "行政处罚": [0, nil, nil], "行政强制": [0, nil, nil], "行政事业性收费": [0, nil, nil]]
        if seed == "001" { t["行政规范性文件"] = [1, 0, 14] }
        return t
    }

    static func t3(_ seed: String) -> [[Double?]] {
        var rows = [[Double?]](repeating: [0, 0, 0, 0, 0, 0, 0], count: 25)
        if seed == "002" { for r in [0, 2, 23] { rows[r] = [1, 0, 0, 0, 0, 0, 1] } }
        if seed == "004" { rows[12] = [nil, 0, 0, 0, 0, 0, nil] }
        return rows
    }
}

/// The .docx (d), its LibreOffice PDF (e) and the image-only PDF (f) of every seed.
@Suite struct PDFSeedRenditionTests {
    static let seeds = ["000", "001", "002", "003", "004"]

    func check(_ doc: Document, seed: String) throws {
        let t3 = try #require(GridProbe.table(doc, containing: "上年结转"))
        let rows = GridProbe.valueRows(t3, width: 7)
        try #require(rows.count == 25, "seed \(seed)")
        #expect(rows.map { $0.values.map(GridProbe.number) } == SeedTables.t3(seed), "seed \(seed)")
        #expect(rows.first?.label.contains("本年新收") == true)
        #expect(rows.last?.label.contains("结转下年度") == true)
        let t2 = try #require(GridProbe.table(doc, containing: "行政规范性文件"))
        let t2rows = GridProbe.valueRows(t2, width: 3)
        #expect(t2rows.count == SeedTables.t2(seed).count, "seed \(seed): \(t2rows.map(\.label))")
        let byLabel = Dictionary(t2rows.map { ($0.label, $0.values.map(GridProbe.number)) }, uniquingKeysWith: { a, _ in a })
        #expect(byLabel == SeedTables.t2(seed), "seed \(seed)")
        let t4 = try #require(GridProbe.table(doc, containing: "复议后起诉"))
        let t4rows = GridProbe.valueRows(t4, width: 15)
        #expect(t4rows.count == 1 && t4rows[0].values.map(GridProbe.number) == [Double?](repeating: 0, count: 15), "seed \(seed)")
    }

    @Test(arguments: seeds) func pdfRendition(seed: String) async throws {
        let url = Fixtures.fixture("pdf/seed-\(seed).pdf")
        let doc = try await PDFExtractor().extract(file: url, sourceName: url.lastPathComponent)
        #expect(doc.metadata.pageCount == 3)
        #expect(doc.blocks.contains { $0.kind == .heading && $0.text.hasPrefix("一、") })
        try check(doc, seed: seed)
    }

    @Test(arguments: seeds) func docxRendition(seed: String) throws {
        let url = Fixtures.fixture("docx/seed-\(seed).docx")
        let doc = try DocxExtractor().extract(file: url, sourceName: url.lastPathComponent)
        try check(doc, seed: seed)
    }

    @Test(arguments: seeds) func imageOnlyRendition(seed: String) async throws {
        let url = Fixtures.fixture("pdf/seed-\(seed)-image.pdf")
        let doc = try await PDFExtractor().extract(file: url, sourceName: url.lastPathComponent)
        #expect(doc.notes == [PDFExtractor.imageOnlyNote])
        #expect(doc.blocks.isEmpty)
        #expect(doc.metadata.pageCount == 3)
    }
}

/// Seed 003's table 三 starts at the foot of page 1 and runs onto page 2 under its repeated
/// header rows (Word's "repeat as header row"): one table, one header, all 25 rows in order.
@Suite struct PDFRepeatedHeaderTests {
    @Test func tableAcrossPagesWithRepeatedHeader() async throws {
        let url = Fixtures.fixture("pdf/seed-003.pdf")
        let doc = try await PDFExtractor().extract(file: url, sourceName: url.lastPathComponent)
        // The repeat is really in the PDF: page 2 starts with the header.
        let tables = GridProbe.tables(doc).filter { $0.rows.contains { $0.contains { $0.text.contains("上年结转") } } }
        #expect(tables.count == 1)
        let grid = try #require(tables.first)
        #expect(grid.rows.filter { $0.contains { $0.text == "申请人情况" } }.count == 1)
        #expect(grid.rows.filter { $0.contains { $0.text.hasPrefix("（本列数据的勾稽关系") } }.count == 1)
        let rows = GridProbe.valueRows(grid, width: 7)
        try #require(rows.count == 25)
        #expect(rows[0].label.contains("本年新收") && rows[1].label.contains("上年结转"))
        #expect(doc.metadata.pageCount == 3)
    }
}

/// Seed 001 with every table cell top-aligned (Word's default): group labels sit on the first row
/// of their span, wrapped labels continue below their numbers.
@Suite struct PDFTopAlignedTests {
    @Test func topAlignedCells() async throws {
        let url = Fixtures.fixture("pdf/seed-001-top.pdf")
        let doc = try await PDFExtractor().extract(file: url, sourceName: url.lastPathComponent)
        let grid = try #require(GridProbe.table(doc, containing: "上年结转"))
        let rows = GridProbe.valueRows(grid, width: 7)
        try #require(rows.count == 25)
        #expect(rows.map { $0.values.map(GridProbe.number) } == SeedTables.t3("001"))
        // The seed writes "1. 属于…" and "(二) 部分公开 (区分…": a space next to a CJK character is not kept.
        #expect(rows[3].label == "三、本年度办理结果|(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
        #expect(rows[11].label == "三、本年度办理结果|（三）不予公开|8.属于行政查询事项")
        #expect(rows[12].label == "三、本年度办理结果|（四）无法提供|1.本机关不掌握相关政府信息")
        #expect(rows[21].label == "三、本年度办理结果|（六）其他处理|2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
        #expect(rows[23].label == "三、本年度办理结果|（七）总计")
        let key = SeedAnswerKeys.key(for: "001")
        let record = try ReportParser().parse(Normalizer().normalize(doc))
        #expect(key.cellMismatches(in: record) == [])
    }
}

/// Seed 000 with every cell's text centred horizontally: label text no longer shares left edges,
/// a wrapped line of a centred label is narrower than its first line.
@Suite struct PDFCentredLabelsTests {
    @Test func centredLabelCells() async throws {
        let url = Fixtures.fixture("pdf/seed-000-centred.pdf")
        let doc = try await PDFExtractor().extract(file: url, sourceName: url.lastPathComponent)
        let grid = try #require(GridProbe.table(doc, containing: "上年结转"))
        let rows = GridProbe.valueRows(grid, width: 7)
        try #require(rows.count == 25)
        #expect(rows[0].label == "一、本年新收政府信息公开申请数量")
        #expect(rows[3].label == "三、本年度办理结果|(二)部分公开（区分处理的，只计这一情形，不计其他情形）")
        #expect(rows[4].label == "三、本年度办理结果|（三）不予公开|1.属于国家秘密")
        #expect(rows[19].label == "三、本年度办理结果|（五）不予处理|5.要求行政机关确认或重新出具已获取信息")
        #expect(rows[24].label == "四、结转下年度继续办理")
        let key = SeedAnswerKeys.key(for: "000")
        let record = try ReportParser().parse(Normalizer().normalize(doc))
        #expect(key.cellMismatches(in: record) == [])
    }
}

/// Seed 002 with every character expanded by 2 pt (Word's expanded character spacing, as in
/// letter-spaced titles and 分散对齐 cells): pdftotext -raw gives one word per character, evenly
/// apart. Numbers and labels must come out whole ("2023", "(一)予以公开"), and the record must
/// be the seed's, cell for cell.
@Suite struct PDFLetterSpacedTests {
    @Test func letterSpacedTextAndTables() async throws {
        let url = Fixtures.fixture("pdf/seed-002-spaced.pdf")
        let doc = try await PDFExtractor().extract(file: url, sourceName: url.lastPathComponent)
        #expect(doc.metadata.title == "金水区司法局2023年政府信息公开工作年度报告")
        let text = doc.flattenedText
        #expect(text.contains("2023年，主动公开政府信息28条"))
        #expect(text.contains("2023年全局共收到政府信息依申请公开申请1件"))
        #expect(!text.contains("2 0") && !text.contains("2 8") && !text.contains("1 ."))
        // The table breaks at the page end here: the row cut by the page (五、5.要求行政机关确认或
        // 重新出 / 具已获取信息) starts a second grid, whose rows the parser still reads in order.
        let grid = try #require(GridProbe.table(doc, containing: "上年结转"))
        let rows = GridProbe.valueRows(grid, width: 7)
        try #require(rows.count >= 19)
        #expect(rows[1].label == "二、上年结转政府信息公开申请数量")
        #expect(rows[2].label == "三、本年度办理结果|(一)予以公开")
        #expect(rows[2].values.map(GridProbe.number) == [1, 0, 0, 0, 0, 0, 1])
        #expect(rows[4].label == "三、本年度办理结果|（三）不予公开|1.属于国家秘密")
        let key = SeedAnswerKeys.key(for: "002")
        let record = try ReportParser().parse(Normalizer().normalize(doc))
        #expect(key.cellMismatches(in: record) == [])
        #expect(record.findings.isEmpty, "\(record.findings.map(\.message))")
    }

    /// Single characters far apart are not letter spacing: adjacent table cells holding one
    /// digit each stay apart, and ordinary Latin word spaces stay.
    @Test func singleDigitsInAdjacentCellsStayApart() {
        func w(_ t: String, _ x0: Double, _ width: Double) -> PDFWord { PDFWord(page: 1, x0: x0, y0: 100, x1: x0 + width, y1: 110.4, text: t) }
        // Three one-digit cells 12 pt apart (8 pt text): three segments.
        let cells = PDFLineBuilder.segments([w("1", 100, 4.4), w("0", 116.4, 4.4), w("7", 132.8, 4.4)])
        #expect(cells.map(\.text) == ["1", "0", "7"])
        // "Hello 123" with a 0.28 em space: one segment, the space kept.
        let words = PDFLineBuilder.segments([w("Hello", 72, 26.7), w("123", 102, 20)])
        #expect(words.map(\.text) == ["Hello 123"])
        // "1 2 3 4" set 2 pt apart (a quarter em): one number.
        let spaced = PDFLineBuilder.segments([w("1", 100, 4.4), w("2", 106.4, 4.4), w("3", 112.8, 4.4), w("4", 119.2, 4.4)])
        #expect(spaced.map(\.text) == ["1234"])
        #expect(spaced.first?.isNumber == true)
    }
}
