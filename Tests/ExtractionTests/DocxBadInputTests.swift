import Foundation
import Testing
import NianbaoCore
import TestSupport
import ZIPFoundation
@testable import Extraction

/// Bad .docx files: clear errors, no entity ever resolved, no bomb ever inflated past its cap.
@Suite struct DocxBadInputTests {
    func reason(_ url: URL, cap: Int = 20 << 20) -> String? {
        do {
            _ = try DocxExtractor(maxEntryBytes: cap).extract(file: url, sourceName: "a/\(url.lastPathComponent)")
            return nil
        } catch let e as ExtractionError {
            #expect(e.source == "a/\(url.lastPathComponent)")
            return e.reason
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// document.xml declares an external entity (file:///etc/hostname), an internal one and an
    /// external parameter entity (http://127.0.0.1:9/…): none is expanded or fetched.
    @Test func dtdAndExternalEntitiesAreNotResolved() throws {
        let d = try DocxExtractor().extract(file: Fixtures.fixture("docx/xxe.docx"), sourceName: "xxe.docx")
        let text = d.flattenedText
        #expect(text.contains("正文保留"))
        #expect(text.contains("外部实体："))
        #expect(!text.contains("EXPANDED-ENTITY"))
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        try #require(!hostname.isEmpty)   // the fixture's external entity points at /etc/hostname
        #expect(!text.contains(hostname))
    }

    /// An entry that inflates past the cap (5 MB of spaces, about 5 KB compressed; cap 1 MB).
    @Test func zipBombEntry() throws {
        let big = Data(repeating: 0x20, count: 5 << 20)
        let url = try DocxExtractorTests.makeDocx(documentXML: big)
        defer { try? FileManager.default.removeItem(at: url) }
        let onDisk = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(onDisk < 64 << 10)   // a bomb: small on disk
        #expect(reason(url, cap: 1 << 20) == "word/document.xml expands past the cap of 1048576 bytes (zip bomb?)")
    }

    /// Every part read is capped, not only the body: a bomb in the styles or the document
    /// properties stops the file the same way.
    @Test(arguments: ["word/styles.xml", "docProps/core.xml"])
    func zipBombInAnotherPart(_ part: String) throws {
        let body = Data(#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>"#.utf8)
        let url = try DocxExtractorTests.makeDocx(documentXML: body, extra: [(part, Data(repeating: 0x20, count: 5 << 20))])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(reason(url, cap: 1 << 20) == "\(part) expands past the cap of 1048576 bytes (zip bomb?)")
        // Under a cap it fits, the same file reads.
        #expect(try DocxExtractor(maxEntryBytes: 8 << 20).extract(file: url, sourceName: "x.docx").flattenedText.contains("正文"))
    }

    /// The same bomb with its declared sizes rewritten to 100 bytes: the bytes are counted while
    /// inflating, so the lie does not get it past the cap.
    @Test func zipBombWithFalseDeclaredSize() throws {
        let big = Data(repeating: 0x20, count: 5 << 20)
        let url = try DocxExtractorTests.makeDocx(documentXML: big)
        defer { try? FileManager.default.removeItem(at: url) }
        var bytes = [UInt8](try Data(contentsOf: url))
        let declared = UInt32(5 << 20)
        var patched = 0
        // Local header: uncompressed size at +22; central directory: at +24.
        for i in 0..<(bytes.count - 46) {
            let sig = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
            for (magic, offset) in [(UInt32(0x04034b50), 22), (UInt32(0x02014b50), 24)] where sig == magic {
                let at = i + offset
                let value = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
                if value == declared {
                    bytes[at] = 100; bytes[at + 1] = 0; bytes[at + 2] = 0; bytes[at + 3] = 0
                    patched += 1
                }
            }
        }
        #expect(patched == 2)
        try Data(bytes).write(to: url)
        let r = reason(url, cap: 1 << 20)
        #expect(r?.contains("word/document.xml") == true, "\(r ?? "no error")")
        #expect(r?.contains("expands past the cap") == true, "\(r ?? "no error")")
    }

    @Test func notAZip() throws {
        #expect(reason(Fixtures.fixture("pdf/not-a-pdf.pdf")) == "not a .docx (not a ZIP package)")
    }

    @Test func zipWithoutDocumentXML() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-test-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        let data = Data("hello".utf8)
        try archive.addEntry(with: "readme.txt", type: .file, uncompressedSize: Int64(data.count)) { _, _ in data }
        #expect(reason(url) == "not a .docx: the package has no word/document.xml")
    }

    @Test func malformedXML() throws {
        let url = try DocxExtractorTests.makeDocx(documentXML: Data("<w:document><w:body><w:p>".utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(reason(url) == "word/document.xml is not well-formed XML")
    }
}
