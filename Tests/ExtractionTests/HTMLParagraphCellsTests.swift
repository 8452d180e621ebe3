import Foundation
import NianbaoCore
import Normalization
import Parsing
import Testing
import TestSupport
@testable import Extraction

/// Pages that flatten the tables into one `<p>` per cell, as the 通化 portal behind seed 004 does:
/// a `<p>&nbsp;</p>` is an explicit blank cell (null), never a cell to skip — skipping it would
/// shift the row's numbers into the wrong columns.
@Suite struct HTMLParagraphCellsTests {
    /// Seed 004's text rendered the way the portal serves it: every line a paragraph, an NBSP-only
    /// line `<p>&nbsp;</p>`, empty lines dropped.
    static func paragraphPage(seed: String) throws -> String {
        let text = try Fixtures.seedText(seed)
        var body = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.unicodeScalars.allSatisfy({ $0 == "\u{00A0}" || $0 == " " }) {
                body += "<p>&nbsp;</p>\n"
            } else {
                let escaped = line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                body += "<p>\(escaped)</p>\n"
            }
        }
        return "<html><head><meta charset=\"utf-8\"><title>报告</title></head><body><div class=\"article-content\">\n\(body)</div></body></html>"
    }

    @Test func nbspParagraphsAreBlankCells() async throws {
        let html = try Self.paragraphPage(seed: "004")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-p-cells-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let document = try await Extractor().extract(ExtractionInput(file: file))
        let record = try ReportParser().parse(Normalizer().normalize(document))
        let key = SeedAnswerKeys.key(for: "004")
        try #require(key.cells["t3.r4_1_not_held.natural_person"] == .some(nil))   // the key itself: blank
        let wrong = key.cellMismatches(in: record)
        #expect(wrong.isEmpty, "\(wrong.count) cells differ: \(wrong.prefix(8).joined(separator: "; "))")
        #expect(record.agency == key.agency)
        #expect(!record.findings.contains { $0.rule == "table_layout" || $0.rule == "missing_cell" })
    }

    @Test func spacerParagraphsInProseDoNotBecomeText() async throws {
        let html = "<html><body><p>一段文字。</p><p>&nbsp;</p><p>另一段。</p></body></html>"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-p-prose-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let document = try await Extractor().extract(ExtractionInput(file: file))
        #expect(document.blocks.map(\.text) == ["一段文字。", "\u{00A0}", "另一段。"])
    }
}
