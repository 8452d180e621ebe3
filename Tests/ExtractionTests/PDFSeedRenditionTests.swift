import Foundation
import Testing
import NianbaoCore
import TestSupport
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
        #expect(rows.count == 25, "seed \(seed)")
        #expect(rows.map { $0.values.map(GridProbe.number) } == SeedTables.t3(seed), "seed \(seed)")
        #expect(rows.first?.label.contains("本年新收") == true)
        #expect(rows.last?.label.contains("结转下年度") == true)
        let t2 = try #require(GridProbe.table(doc, containing: "行政规范性文件"))
        let byLabel = Dictionary(GridProbe.valueRows(t2, width: 3).map { ($0.label, $0.values.map(GridProbe.number)) },
                                 uniquingKeysWith: { a, _ in a })
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
