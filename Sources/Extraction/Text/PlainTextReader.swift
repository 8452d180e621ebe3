import Foundation
import NianbaoCore

/// A plain-text file (.txt, UTF-8 or GB18030/GBK, with or without BOM) → one text block.
/// The charset is decided from the BOM and the bytes (PageDecoder); invalid bytes become U+FFFD
/// with a note. Line structure is kept: tab-separated or one-cell-per-line tables stay as written.
public struct PlainTextReader: Sendable {
    /// Files larger than this are refused (default 32 MiB).
    public var maxBytes: Int

    public init(maxBytes: Int = 32 << 20) { self.maxBytes = maxBytes }

    public func read(data: Data, sourceName: String, contentType: String? = nil) throws -> Document {
        guard data.count <= maxBytes else {
            throw ExtractionError(source: sourceName, reason: "text file of \(data.count) bytes is larger than the \(maxBytes)-byte cap")
        }
        // A text file has no <meta>; only an HTTP header may declare its charset.
        let decoded = PageDecoder.decode(data, contentType: contentType)
        var text = decoded.text.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let title = text.split(separator: "\n").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }.map { $0.hasPrefix("#") ? String($0.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) : $0 }
        var doc = Document.plainText(text, metadata: DocumentMetadata(title: title, charset: decoded.decision.charset,
                                                                      mediaType: MediaType.text.rawValue, sourceName: sourceName))
        doc.notes = HTMLExtractor.charsetNotes(decoded)
        return doc
    }
}
