import Foundation
import NianbaoCore

/// An HTML page → Document: charset decided and decoded (PageDecoder), parsed by libxml2, main
/// content found (ContentFinder), chrome removed (ChromeFilter), metadata read (MetadataReader),
/// content turned into heading/paragraph/table blocks (BlockWalker, TableGridBuilder), and links to
/// attachments collected (AttachmentCollector).
public struct HTMLExtractor: Sendable {
    /// Pages larger than this are refused with an error (default 32 MiB; real report pages are
    /// 20 KB–2 MB, and libxml2 needs about 10× the page size in memory).
    public var maxBytes: Int

    public init(maxBytes: Int = 32 << 20) { self.maxBytes = maxBytes }

    /// Extracts a page. `url` resolves attachment links; `contentType` is the HTTP header, when known.
    public func extract(data: Data, sourceName: String, url: String? = nil, contentType: String? = nil) throws -> Document {
        guard data.count <= maxBytes else {
            throw ExtractionError(source: sourceName, reason: "HTML page of \(data.count) bytes is larger than the \(maxBytes)-byte cap")
        }
        let decoded = PageDecoder.decode(data, contentType: contentType)
        var notes = Self.charsetNotes(decoded)
        if decoded.text.allSatisfy(\.isWhitespace) {
            return Document(metadata: DocumentMetadata(charset: decoded.decision.charset, mediaType: MediaType.html.rawValue, sourceName: sourceName),
                            notes: notes + ["empty page"])
        }
        let document: HTMLDocument
        do { document = try HTMLDocument(utf8: decoded.text, url: url) } catch {
            throw ExtractionError(source: sourceName, reason: "\(error)")
        }
        let selection = ContentFinder.find(in: document)
        let fields = MetadataReader.read(document, content: selection)
        var chrome = ChromeFilter(protectedNodes: selection.headingNodes)
        chrome.markTextChrome(roots: selection.roots)
        var walker = BlockWalker(chrome: chrome)
        walker.walk(selection.roots)
        notes += walker.notes
        if selection.method == "whole page" {
            notes.append("no main-content container or report section headings found; the whole page was read")
        }
        let metadata = DocumentMetadata(title: fields.title, published: fields.published, publisher: fields.publisher,
                                        indexNumber: fields.indexNumber, documentNumber: fields.documentNumber,
                                        charset: decoded.decision.charset, mediaType: MediaType.html.rawValue, sourceName: sourceName)
        return Document(metadata: metadata, blocks: walker.blocks,
                        attachments: AttachmentCollector.collect(document, pageURL: url), notes: notes)
    }

    static func charsetNotes(_ d: PageDecoder.Decoded) -> [String] {
        var notes: [String] = []
        // A declaration the bytes overruled. The meta decides with a header present only when the bytes
        // ruled the header out (UTF-16 on bytes with no NUL).
        let overruled: [String?] = switch d.decision.decidedBy {
        case "bytes": [d.decision.declaredHTTP, d.decision.declaredMeta]
        case "meta": [d.decision.declaredHTTP]
        default: []
        }
        if let declared = overruled.compactMap({ $0 }).first(where: { CharsetDetector.canonicalName($0).map { $0 != d.decision.charset } ?? false }) {
            notes.append("declared charset \(declared) contradicted by the bytes; decoded as \(d.decision.charset)")
        }
        if d.invalidSequences > 0 {
            notes.append("\(d.invalidSequences) invalid byte sequence(s) for \(d.decision.charset) replaced with U+FFFD")
        }
        return notes
    }
}
