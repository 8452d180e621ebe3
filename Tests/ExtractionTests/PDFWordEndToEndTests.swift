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

    func expectKey(_ record: ReportRecord, _ key: AnswerKey, _ name: String) {
        let wrong = key.cellMismatches(in: record)
        #expect(wrong.isEmpty, "\(name): \(wrong.count) cells differ: \(wrong.prefix(8).joined(separator: "; "))")
    }

    @Test func huaianPDFMatchesHandWrittenKey() async throws {
        let url = Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf")
        let r = try record(try await PDFExtractor().extract(file: url, sourceName: url.lastPathComponent))
        #expect(HuaianAnswerKey.key.metadataMismatches(in: r) == [])
        expectKey(r, HuaianAnswerKey.key, "huaian")
        #expect(r.findings.isEmpty, "\(r.findings.map(\.message))")
    }

    @Test(arguments: SeedAnswerKeys.names) func seedPDF(seed: String) async throws {
        let key = SeedAnswerKeys.key(for: seed)
        let url = Fixtures.fixture("pdf/seed-\(seed).pdf")
        let r = try record(try await PDFExtractor().extract(file: url, sourceName: url.lastPathComponent))
        // The date where the seed prints one, and the title line, whose spaces between Chinese
        // and digits ("局 2023 年") a PDF does not keep: CJK is joined without spaces.
        var metadata = key
        metadata.title = nil
        #expect(metadata.metadataMismatches(in: r) == [], "pdf \(seed)")
        #expect(r.title?.filter { $0 != " " } == key.title?.filter { $0 != " " }, "pdf \(seed)")
        expectKey(r, key, "pdf \(seed)")
    }

    @Test(arguments: SeedAnswerKeys.names) func seedDocx(seed: String) throws {
        let key = SeedAnswerKeys.key(for: seed)
        let url = Fixtures.fixture("docx/seed-\(seed).docx")
        let r = try record(try DocxExtractor().extract(file: url, sourceName: url.lastPathComponent))
        #expect(key.metadataMismatches(in: r) == [], "docx \(seed)")
        expectKey(r, key, "docx \(seed)")
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
