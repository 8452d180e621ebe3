import Foundation

/// What the Extractor produces and the Normalizer and Parser consume: the content of one
/// source document (an HTML page, a PDF, a .docx or a plain-text file), independent of its format.
public struct Document: Codable, Sendable, Equatable {
    public var metadata: DocumentMetadata
    /// Content in reading order: headings, paragraphs, raw text runs and table grids.
    public var blocks: [Block]
    /// Links to files (pdf, doc, docx, wps, xls, zip, download handlers) found in the document.
    public var attachments: [AttachmentLink]
    /// Conditions worth telling a person, e.g. "image-only PDF; no text layer". Empty when clean.
    public var notes: [String]
    /// True once the Normalizer has produced canonical text.
    public var isNormalized: Bool

    public init(metadata: DocumentMetadata = DocumentMetadata(), blocks: [Block] = [],
                attachments: [AttachmentLink] = [], notes: [String] = [], isNormalized: Bool = false) {
        self.metadata = metadata
        self.blocks = blocks
        self.attachments = attachments
        self.notes = notes
        self.isNormalized = isNormalized
    }

    /// A document holding one plain-text run (a .txt file, or text from a converter).
    public static func plainText(_ text: String, metadata: DocumentMetadata = DocumentMetadata()) -> Document {
        Document(metadata: metadata, blocks: [Block(text: text)])
    }

    /// True when the document has no text at all: every block blank and no table rows (an
    /// image-only scan, an empty file).
    public var hasNoText: Bool {
        blocks.allSatisfy { $0.text.allSatisfy(\.isWhitespace) && ($0.table?.rows.isEmpty ?? true) }
    }

    /// All text of the document, tables rendered one row per line with tab-separated cells.
    public var flattenedText: String {
        var out: [String] = []
        for block in blocks {
            switch block.kind {
            case .table:
                if let grid = block.table { out.append(grid.tabSeparated) }
            default:
                out.append(block.text)
            }
        }
        return out.joined(separator: "\n")
    }
}
