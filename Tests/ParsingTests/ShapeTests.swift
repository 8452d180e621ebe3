import Foundation
import Testing
import NianbaoCore
import Parsing
import TestSupport

/// Each seed converted into every other shape parses to the same numbers and metadata.
@Suite struct ShapeTests {
    enum Shape: String, CaseIterable { case tab, onePerLine, indented, pipe, layout, grid }

    struct Case: CustomTestStringConvertible, Sendable {
        var seed: String
        var shape: Shape
        var testDescription: String { "\(seed) as \(shape.rawValue)" }
    }

    static let cases: [Case] = SeedAnswerKeys.names.flatMap { s in Shape.allCases.map { Case(seed: s, shape: $0) } }

    @Test(arguments: cases)
    func seedInShapeMatchesKey(_ c: Case) throws {
        let rows = ShapeConverters.rows(try Fixtures.seedText(c.seed))
        #expect(rows.count > 60)
        let record: ReportRecord
        switch c.shape {
        case .tab: record = try parseText(ShapeConverters.tab(rows))
        case .onePerLine: record = try parseText(ShapeConverters.onePerLine(rows))
        case .indented: record = try parseText(ShapeConverters.indented(rows))
        case .pipe: record = try parseText(ShapeConverters.pipe(rows))
        case .layout: record = try parseText(ShapeConverters.layout(rows))
        case .grid: record = try parseDocument(ShapeConverters.gridDocument(rows, name: c.seed))
        }
        expectMatches(record, SeedAnswerKeys.key(for: c.seed))
    }

    @Test func synthetic2019InEveryShape() throws {
        let rows = ShapeConverters.rows(SyntheticReports.report2019)
        for text in [ShapeConverters.onePerLine(rows), ShapeConverters.pipe(rows), ShapeConverters.layout(rows), ShapeConverters.indented(rows)] {
            expectMatches(try parseText(text), SyntheticReports.key2019)
        }
        expectMatches(try parseDocument(ShapeConverters.gridDocument(rows, name: "2019")), SyntheticReports.key2019)
    }
}

@Suite struct LayoutBlankTests {
    @Test func blankCellsInLayoutColumnsKeepTheirPositions() throws {
        // Seed 002 as pdftotext -layout, with 行政规范性文件 本年废止件数 and 一、本年新收 商业企业 left blank.
        var rows = ShapeConverters.rows(try Fixtures.seedText("002"))
        let docs = try #require(rows.firstIndex { $0.first == "行政规范性文件" })
        rows[docs][2] = nil
        let newRow = try #require(rows.firstIndex { $0.first == "一、本年新收政府信息公开申请数量" })
        rows[newRow][2] = nil
        let r = try parseText(ShapeConverters.layout(rows))
        #expect(r.cell("t2.art20_1.normative_docs.issued") == .some(0))
        #expect(r.cell("t2.art20_1.normative_docs.repealed") == .some(nil))
        #expect(r.cell("t2.art20_1.normative_docs.in_force") == .some(0))
        #expect(r.cell("t3.new_received.natural_person") == .some(1))
        #expect(r.cell("t3.new_received.commercial") == .some(nil))
        #expect(r.cell("t3.new_received.research") == .some(0))
        #expect(r.cell("t3.new_received.total") == .some(1))
        #expect(errors(r).isEmpty)
    }
}
