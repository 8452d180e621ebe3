import Foundation
import NianbaoCore

/// Reads a .docx into a Document: paragraphs (all runs in order), headings (by paragraph style
/// or outline level), and tables as grids (w:gridSpan and w:vMerge become the spans).
///
/// The package is read with ZIPFoundation with a cap on every entry (declared size and bytes
/// actually inflated), and its XML with libxml2 with network access and entity expansion off.
/// A zip bomb, a damaged or non-ZIP file, a package without word/document.xml and malformed
/// XML each throw an ``ExtractionError`` naming the file and the reason.
public struct DocxExtractor: Sendable {
    public let maxEntryBytes: Int

    /// - Parameter maxEntryBytes: the most bytes any one part may expand to (default 20 MB).
    public init(maxEntryBytes: Int = 20 << 20) {
        self.maxEntryBytes = maxEntryBytes
    }

    public func extract(file: URL, sourceName: String) throws -> Document {
        func fail(_ reason: String) -> ExtractionError { ExtractionError(source: sourceName, reason: reason) }
        guard FileManager.default.isReadableFile(atPath: file.path) else { throw fail("cannot read file") }
        do {
            let package = try DocxPackage(file: file, maxEntryBytes: maxEntryBytes)
            let documentData = try package.requiredPart("word/document.xml")
            guard let xml = DocxXML(documentData, name: "word/document.xml"), let root = xml.root else {
                throw fail("word/document.xml is not well-formed XML")
            }
            let styles = try package.part("word/styles.xml").flatMap { DocxXML($0, name: "word/styles.xml") }
            let body = DocxBody(styleNames: DocxBody.styleNames(styles?.root))
            let blocks = root.child("body").map(body.blocks) ?? []
            var metadata = DocumentMetadata(mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                            sourceName: sourceName)
            if let core = try package.part("docProps/core.xml").flatMap({ DocxXML($0, name: "docProps/core.xml") }),
               let title = core.root?.child("title")?.directText.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty {
                metadata.title = title
            }
            let headings = blocks.filter { $0.kind == .heading }
            let firstHeading = (headings.first { $0.level == 1 } ?? headings.first { !PDFCellText.startsEnumerated($0.text) })?.text
            let firstText = blocks.first { $0.kind != .table }?.text
            // The document's own title (Title style, else a heading that is not numbered like 一、总体情况)
            // beats the core title, which is often generic ("政府信息公开工作年度报告") or a template's.
            metadata.title = firstHeading ?? metadata.title ?? firstText
            var notes: [String] = []
            if blocks.isEmpty { notes.append("no text in word/document.xml") }
            return Document(metadata: metadata, blocks: blocks, notes: notes)
        } catch let failure as DocxPackage.Failure {
            switch failure {
            case .notZip: throw fail("not a .docx (not a ZIP package)")
            case .missingPart(let p): throw fail("not a .docx: the package has no \(p)")
            case .tooLarge(let p, let cap): throw fail("\(p) expands past the cap of \(cap) bytes (zip bomb?)")
            case .damaged(let p, let why): throw fail("damaged .docx: cannot inflate \(p) (\(why))")
            case .tooManyEntries(let n): throw fail("the package has more than \(n) entries")
            }
        }
    }
}
