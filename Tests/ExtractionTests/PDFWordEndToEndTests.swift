import Foundation
import Testing
import NianbaoCore
import Normalization
import Parsing
import TestSupport
@testable import Extraction

/// Document → Normalizer → ReportParser for every PDF and Word rendition, compared cell for cell
/// with the hand-written keys (SeedAnswerKeys from the seed texts, HuaianKey from the 淮安 PDF).
@Suite struct PDFWordEndToEndTests {
    func record(_ doc: Document) throws -> ReportRecord {
        try ReportParser().parse(Normalizer().normalize(doc))
    }

    func expectCells(_ record: ReportRecord, _ cells: [String: Double?], _ name: String) {
        #expect(cells.count == 200)
        var wrong: [String] = []
        for (path, expected) in cells.sorted(by: { $0.key < $1.key }) where record.cell(path) != .some(expected) {
            wrong.append("\(path): expected \(expected.map { "\($0)" } ?? "blank"), got \(String(describing: record.cell(path)))")
        }
        #expect(wrong.isEmpty, "\(name): \(wrong.count) cells differ: \(wrong.prefix(8).joined(separator: "; "))")
    }

    @Test func huaianPDFMatchesHandWrittenKey() async throws {
        let url = Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf")
        let r = try record(try await PDFExtractor().extract(file: url, sourceName: url.lastPathComponent))
        #expect(r.agency == HuaianKey.agency)
        #expect(r.year == HuaianKey.year)
        #expect(r.template == HuaianKey.template)
        expectCells(r, HuaianKey.cells.mapValues { Optional($0) }, "huaian")
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
    }

    @Test(arguments: SeedAnswerKeys.names) func seedPDF(seed: String) async throws {
        let key = SeedAnswerKeys.key(for: seed)
        let url = Fixtures.fixture("pdf/seed-\(seed).pdf")
        let r = try record(try await PDFExtractor().extract(file: url, sourceName: url.lastPathComponent))
        #expect(r.agency == key.agency && r.year == key.year && r.template == key.template, "seed \(seed)")
        expectCells(r, key.cells, "pdf \(seed)")
    }

    @Test(arguments: SeedAnswerKeys.names) func seedDocx(seed: String) throws {
        let key = SeedAnswerKeys.key(for: seed)
        let url = Fixtures.fixture("docx/seed-\(seed).docx")
        let r = try record(try DocxExtractor().extract(file: url, sourceName: url.lastPathComponent))
        #expect(r.agency == key.agency && r.year == key.year && r.template == key.template, "seed \(seed)")
        expectCells(r, key.cells, "docx \(seed)")
    }

    /// The image-only rendition: extraction succeeds with the status note and no text, and the
    /// parser then finds no tables (so `nianbao parse` reports the note, and the archive keeps the capture).
    @Test func imageOnlyPDFHasStatusAndNoRecord() async throws {
        let url = Fixtures.fixture("pdf/seed-002-image.pdf")
        let doc = try await PDFExtractor().extract(file: url, sourceName: url.lastPathComponent)
        #expect(doc.notes.first == PDFExtractor.imageOnlyNote)
        #expect(throws: ParseError.self) { try record(doc) }
    }

    /// `nianbao parse` on the scan says so on stderr and exits 1; the 淮安 PDF parses (exit 0).
    @Test func parseCommandShowsTheImageOnlyStatus() async throws {
        let image = Fixtures.fixture("pdf/seed-002-image.pdf").path
        let r = try await CLIRunner.run(["parse", image])
        #expect(r.status == 1)
        #expect(r.stderr.contains(image) && r.stderr.contains(PDFExtractor.imageOnlyNote), "\(r.stderr)")
        let ok = try await CLIRunner.run(["parse", Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf").path])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("\"agency\" : \"淮安市人民政府\""))
    }
}
