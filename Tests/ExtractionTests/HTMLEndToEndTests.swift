import Foundation
import NianbaoCore
import Normalization
import Parsing
import Testing
import TestSupport
@testable import Extraction

/// Every HTML rendition of every seed — (a) TRS/GBK, (b) Hanweb, (c) 集约化/UTF-8, plus the Word-exported
/// pages and the page whose header lies about its charset — through Extractor → Normalizer →
/// ReportParser, compared cell for cell with the hand-written seed answer keys.
@Suite struct HTMLEndToEndTests {
    @Test(arguments: FixturePage.all)
    func renditionParsesToTheAnswerKey(_ page: FixturePage) throws {
        let key = SeedAnswerKeys.key(for: page.seed)
        let document = try FixtureDocuments.document(page)
        let record = try ReportParser().parse(Normalizer().normalize(document))
        #expect(record.agency == key.agency, "\(page.testDescription)")
        #expect(record.year == key.year, "\(page.testDescription)")
        #expect(record.template == key.template, "\(page.testDescription)")
        #expect(key.cells.count == 200)
        var wrong: [String] = []
        for (path, expected) in key.cells.sorted(by: { $0.key < $1.key }) where record.cell(path) != .some(expected) {
            wrong.append("\(path): expected \(expected.map { "\($0)" } ?? "blank"), got \(String(describing: record.cell(path)))")
        }
        #expect(wrong.isEmpty, "\(page.testDescription): \(wrong.count) cells differ: \(wrong.prefix(8).joined(separator: "; "))")
    }
}
