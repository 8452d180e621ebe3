import Foundation
import Testing
import NianbaoCore
import TestSupport
@testable import Extraction

/// A large PDF written by the test itself (plain PDF 1.4 syntax: one Helvetica text object per
/// page), for the time limit: pdftotext needs about a second for it, the limit is 150 ms.
@Suite struct PDFBigFileTests {
    static func writeBigPDF(pages: Int, linesPerPage: Int = 60) throws -> URL {
        var objects: [String] = []
        // 1: catalog, 2: pages, 3: font, then page/content pairs.
        let kids = (0..<pages).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Count \(pages) /Kids [\(kids)] >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        for p in 0..<pages {
            var stream = "BT /F1 9 Tf 40 800 Td 11 TL\n"
            for line in 0..<linesPerPage { stream += "(Page \(p + 1) line \(line): 3001 53 0 0 61 4 3119 lorem ipsum dolor sit amet) '\n" }
            if linesPerPage == 0 { stream += "(- \(p + 1) -) '\n" }
            stream += "ET"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * p) 0 R >>")
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-big-\(UUID().uuidString).pdf")
        try Data(out.utf8).write(to: url)
        return url
    }

    @Test func pdftotextPastItsTimeLimitIsStopped() async throws {
        let url = try Self.writeBigPDF(pages: 1500)
        defer { try? FileManager.default.removeItem(at: url) }
        let start = ContinuousClock.now
        do {
            _ = try await PDFExtractor(timeout: .milliseconds(150), pageCap: 5000).extract(file: url, sourceName: "big.pdf")
            Issue.record("expected the time limit to stop pdftotext")
        } catch let e as ExtractionError {
            #expect(e.source == "big.pdf")
            #expect(e.reason == "pdftotext ran past its time limit of 0.15 seconds and was stopped")
        }
        // Generous bound: in the full parallel `swift test` the 2-thread pool is shared with every suite.
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    /// The same generator, small enough to read: the file is a valid PDF with text.
    @Test func generatedPDFIsReadable() async throws {
        let url = try Self.writeBigPDF(pages: 3)
        defer { try? FileManager.default.removeItem(at: url) }
        let doc = try await PDFExtractor().extract(file: url, sourceName: "small.pdf")
        #expect(doc.metadata.pageCount == 3)
        #expect(doc.flattenedText.contains("Page 3 line 59"))
    }

    /// Pages whose only text is a page number: flagged as probably a scan.
    @Test func almostNoTextIsFlagged() async throws {
        let url = try Self.writeBigPDF(pages: 3, linesPerPage: 0)
        defer { try? FileManager.default.removeItem(at: url) }
        let doc = try await PDFExtractor().extract(file: url, sourceName: "scan.pdf")
        #expect(doc.notes.contains { $0.hasPrefix("almost no text (") && $0.hasSuffix("on 3 pages): probably a scanned PDF") }, "\(doc.notes)")
        // The Huaian report is not flagged.
        let real = try await PDFExtractor().extract(file: Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf"), sourceName: "h")
        #expect(real.notes.isEmpty)
    }
}
