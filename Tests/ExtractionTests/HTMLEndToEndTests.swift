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
        let wrong = key.cellMismatches(in: record)
        #expect(wrong.isEmpty, "\(page.testDescription): \(wrong.count) cells differ: \(wrong.prefix(8).joined(separator: "; "))")
    }
}
