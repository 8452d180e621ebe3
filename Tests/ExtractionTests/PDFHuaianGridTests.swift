import Foundation
import Testing
import NianbaoCore
import TestSupport
@testable import Extraction

/// The real 淮安 PDF, grid by grid, against the hand-written HuaianKey.
@Suite struct PDFHuaianGridTests {
    static let file = Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf")

    func document() async throws -> Document {
        try await PDFExtractor().extract(file: Self.file, sourceName: "huaian-city-2024.pdf")
    }

    @Test func metadata() async throws {
        let doc = try await document()
        #expect(doc.metadata.pageCount == 6)
        #expect(doc.metadata.mediaType == "application/pdf")
        #expect(doc.metadata.title?.hasPrefix("淮安市人民政府") == true)
        #expect(doc.metadata.title?.contains("政府信息公开工作年度报告") == true)
        #expect(doc.notes.isEmpty)
        // Page footers "-1-" … "-6-" are gone from the text.
        for page in 1...6 { #expect(!doc.flattenedText.contains("-\(page)-"), "footer -\(page)-") }
        #expect(doc.blocks.contains { $0.kind == .heading && $0.text == "四、政府信息公开行政复议、行政诉讼情况" })
    }

    @Test func tableThreeRowsAcrossPages() async throws {
        let doc = try await document()
        let grid = try #require(GridProbe.table(doc, containing: "本年新收"))
        let rows = GridProbe.valueRows(grid, width: 7)
        try #require(rows.count == 25 && HuaianKey.t3Rows.count == 25)
        for (i, (key, expected)) in HuaianKey.t3Rows.enumerated() {
            #expect(rows[i].values.map(GridProbe.number) == expected, "row \(key): \(rows[i].label)")
        }
        // Labels: wrapped labels joined, the vertical 三、本年度办理结果 and the group labels as row spans.
        #expect(rows[3].label == "三、本年度办理结果|（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
        #expect(rows[4].label == "三、本年度办理结果|（三）不予公开|1.属于国家秘密")
        #expect(rows[12].label == "三、本年度办理结果|（四）无法提供|1.本机关不掌握相关政府信息")
        #expect(rows[13].label == "三、本年度办理结果|（四）无法提供|2.没有现成信息需要另行制作")   // first row on page 5
        #expect(rows[19].label == "三、本年度办理结果|（五）不予处理|5.要求行政机关确认或重新出具已获取信息")
        #expect(rows[20].label == "三、本年度办理结果|（六）其他处理|1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")
        #expect(rows[24].label == "四、结转下年度继续办理")
        // The rowspan cells know their origin and span.
        let r = try #require(grid.rows.firstIndex { $0.contains { $0.text == "1.属于国家秘密" } })
        let parent = grid.rows[r][1]
        #expect(parent.text == "（三）不予公开" && parent.rowSpan == 8 && parent.originRow == r)
        let vertical = grid.rows[r][0]
        #expect(vertical.text == "三、本年度办理结果" && vertical.rowSpan == 22)
        // Header cells split over lines are joined.
        #expect(grid.rows.contains { $0.contains { $0.text == "商业企业" } })
        #expect(grid.rows.contains { $0.contains { $0.text == "社会公益组织" } })
    }

    @Test func tableTwoStackedBlocks() async throws {
        let doc = try await document()
        let grid = try #require(GridProbe.table(doc, containing: "行政规范性文件"))
        let rows = GridProbe.valueRows(grid, width: 3)
        #expect(rows.count == 6, "\(rows.map(\.label))")   // 规章, 行政规范性文件, 行政许可, 行政处罚, 行政强制, 行政事业性收费
        let byLabel = Dictionary(rows.map { ($0.label, $0.values.map(GridProbe.number)) }, uniquingKeysWith: { a, _ in a })
        #expect(byLabel["规章"] == [1, 0, 11])
        #expect(byLabel["行政规范性文件"] == [8, 26, 66])
        #expect(byLabel["行政许可"] == [447228, nil, nil])
        #expect(byLabel["行政处罚"] == [3985758, nil, nil])
        #expect(byLabel["行政强制"] == [88283, nil, nil])
        #expect(byLabel["行政事业性收费"] == [96171.6, nil, nil])
        // The caption rows stay rows of their own, in order.
        let captions = grid.rows.compactMap { $0.first?.text }.filter { $0.hasPrefix("第二十条") }
        #expect(captions == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"])
    }

    /// Two keys of the 淮安 PDF were typed by hand independently (HuaianKey by the PDF engineer,
    /// HuaianAnswerKey by the parser engineer): they must agree cell for cell.
    @Test func theTwoHandKeysAgree() {
        let a = HuaianKey.cells, b = HuaianAnswerKey.key.cells
        #expect(a.count == 200 && b.count == 200)
        let differ = a.keys.filter { a[$0].map { Optional($0) } != b[$0] }.sorted()
        #expect(differ.isEmpty, "\(differ)")
    }

    @Test func tableFourOneRowOfFifteen() async throws {
        let doc = try await document()
        let grid = try #require(GridProbe.table(doc, containing: "复议后起诉"))
        let rows = GridProbe.valueRows(grid, width: 15)
        #expect(rows.count == 1)
        #expect(rows.first?.values.map(GridProbe.number) == HuaianKey.t4Values.map { $0 })
        #expect(grid.rows.contains { $0.filter { $0.text == "尚未审结" }.count == 3 })
    }

    @Test func keyHasAllCells() {
        #expect(HuaianKey.cells.count == 200)
    }
}
