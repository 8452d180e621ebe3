import Foundation
import NianbaoCore

/// What the Extractor is handed: a file on disk (a local file, or a raw body in the archive)
/// and what is known about it from outside.
public struct ExtractionInput: Sendable {
    public var file: URL
    /// Name used in messages (path or URL).
    public var sourceName: String
    public var url: String?
    /// The HTTP Content-Type header, when the file came from the web.
    public var contentType: String?
    /// A file name from Content-Disposition or the URL, used with content sniffing.
    public var filename: String?

    public init(file: URL, sourceName: String? = nil, url: String? = nil, contentType: String? = nil, filename: String? = nil) {
        self.file = file
        self.sourceName = sourceName ?? file.path
        self.url = url
        self.contentType = contentType
        self.filename = filename
    }
}

/// An extraction failure, naming the document and the reason.
public struct ExtractionError: Error, CustomStringConvertible, Sendable {
    public var source: String
    public var reason: String
    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }
    public var description: String { "\(source): \(reason)" }
}

/// Stage 2: bytes in, Document out.
public struct Extractor: Sendable {
    public init() {}

    public func extract(_ input: ExtractionInput) async throws -> Document {
        // Placeholder until the Extraction issue lands: plain UTF-8 text only.
        let data: Data
        do { data = try Data(contentsOf: input.file) } catch {
            throw ExtractionError(source: input.sourceName, reason: "cannot read file: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ExtractionError(source: input.sourceName, reason: "not UTF-8 text")
        }
        return Document.plainText(text, metadata: DocumentMetadata(charset: "UTF-8", mediaType: "text/plain", sourceName: input.sourceName))
    }
}
