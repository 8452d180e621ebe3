import Extraction
import Foundation
import NianbaoCore
import Pipeline
import Testing
@testable import Archiving

/// A site's `encoding:` override travels with its captures, so the report text (in the crawl and in
/// every later rebuild) is decoded as configured, not only the discovery pages.
@Suite struct CharsetOverrideTests {
    @Test func overrideDecidesTheBodysCharset() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-override-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = try Archive(root: dir)
        // "臺灣政府資訊公開" in BIG5, no declaration anywhere: by its bytes alone it would be read as GB18030.
        let big5: [UInt8] = [0xBB, 0x4F, 0xC6, 0x57, 0xAC, 0x46, 0xA9, 0xB2, 0xB8, 0xEA, 0xB0, 0x54, 0xA4, 0xBD, 0xB6, 0x7D]
        let body = Data("<html><body><p>".utf8) + Data(big5) + Data("</p></body></html>".utf8)
        let raw = try archive.storeRaw(data: body)
        var capture = Capture(id: "c1", url: "http://big5.example.gov.tw/a.html", fetchedAt: "2026-11-21T00:00:00.000Z",
                              outcome: .fetched, sha256: raw.sha256, size: raw.size, mediaType: "text/html")
        let plain = try #require(CaptureProcessing.input(for: capture, archive: archive))
        let misread = try await Extractor().extract(plain).flattenedText
        #expect(!misread.contains("臺灣政府資訊公開"))

        capture.charsetOverride = "BIG5"
        #expect(capture.effectiveContentType == "text/html; charset=BIG5")
        let input = try #require(CaptureProcessing.input(for: capture, archive: archive))
        let doc = try await Extractor().extract(input)
        #expect(doc.flattenedText.contains("臺灣政府資訊公開"))
        #expect(doc.metadata.charset == "BIG5")
        // The override is part of the capture line, so a rebuild sees it too.
        let line = try StableJSON.string(capture)
        #expect(line.contains("\"charset_override\":\"BIG5\""))
    }
}
