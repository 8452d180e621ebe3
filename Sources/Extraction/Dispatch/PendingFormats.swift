// Placeholders for the PDF and Word readers, which are built on the `extract-doc` branch.
// The lead deletes this file when that branch is merged; the real types have these signatures.
import Foundation
import NianbaoCore

struct PDFExtractor {
    init(timeout: Duration, pageCap: Int, pdftotextPath: String) {}
    func extract(file: URL, sourceName: String) async throws -> Document {
        throw ExtractionError(source: sourceName, reason: "PDF support not merged yet")
    }
}

struct DocxExtractor {
    init(maxEntryBytes: Int) {}
    func extract(file: URL, sourceName: String) throws -> Document {
        throw ExtractionError(source: sourceName, reason: "Word (.docx) support not merged yet")
    }
}

struct LegacyWordConverter {
    init() {}
    func convertToDocx(file: URL, sourceName: String) async throws -> URL {
        throw ExtractionError(source: sourceName, reason: "Word (.doc/.wps) support not merged yet")
    }
}
