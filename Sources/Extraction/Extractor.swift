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

/// Stage 2: bytes in, Document out. Sniffs the format (MediaTypeSniffer: content first, then the
/// Content-Type, then the extension) and hands the file to its reader: HTML (HTMLExtractor),
/// plain text (PlainTextReader), PDF (PDFExtractor, pdftotext), .docx (DocxExtractor), .doc/.wps
/// (LegacyWordConverter to .docx in a temporary directory, then DocxExtractor; the directory is removed).
public struct Extractor: Sendable {
    /// Limits applied to every document.
    public struct Options: Sendable {
        /// HTML pages and text files above this size are refused (default 32 MiB).
        public var maxTextBytes: Int = 32 << 20
        /// pdftotext time limit (default 30 s) and page cap (default 200 pages).
        public var pdfTimeout: Duration = .seconds(30)
        public var pdfPageCap: Int = 200
        /// The pdftotext executable (a name is looked up on PATH).
        public var pdftotextPath: String = "pdftotext"
        /// Cap on every entry decompressed from a .docx (default 20 MiB).
        public var maxDocxEntryBytes: Int = 20 << 20
        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// Extracts one document. Errors name the document and the reason.
    public func extract(_ input: ExtractionInput) async throws -> Document {
        try await extract(input) { $0 }
    }

    /// Extracts one document and hands it to `next`, returning what `next` returns. Only errors
    /// of extraction are thrown from here unless `next` throws. For a PDF, `next` runs while
    /// pdftotext is ending (see ``PDFExtractor/extract(file:sourceName:then:)``); for every other
    /// format it runs once the Document is read.
    public func extract<T: Sendable>(_ input: ExtractionInput, then next: @escaping @Sendable (Document) throws -> T) async throws -> T {
        let source = input.sourceName
        let size: Int
        do {
            let attrs = try FileManager.default.attributesOfItem(atPath: input.file.path)
            size = (attrs[.size] as? NSNumber)?.intValue ?? 0
            if let type = attrs[.type] as? FileAttributeType, type == .typeDirectory {
                throw ExtractionError(source: source, reason: "is a directory, not a file")
            }
        } catch let e as ExtractionError { throw e } catch {
            throw ExtractionError(source: source, reason: "cannot read file: \(Self.describe(error))")
        }
        let prefix = try readPrefix(input.file, source: source)
        let name = input.filename ?? input.url.flatMap { URL(string: $0)?.lastPathComponent } ?? input.file.lastPathComponent
        guard let type = MediaTypeSniffer.sniff(prefix: prefix, filename: name, contentType: input.contentType) else {
            throw ExtractionError(source: source, reason: "unsupported format (not HTML, PDF, Word or text)")
        }
        switch type {
        case .html, .text:
            guard size <= options.maxTextBytes else {
                let what = type == .html ? "HTML page" : "text file"
                throw ExtractionError(source: source, reason: "\(what) of \(size) bytes is larger than the \(options.maxTextBytes)-byte cap")
            }
            let data: Data
            do { data = try Data(contentsOf: input.file) } catch {
                throw ExtractionError(source: source, reason: "cannot read file: \(Self.describe(error))")
            }
            if type == .html {
                return try next(HTMLExtractor(maxBytes: options.maxTextBytes)
                    .extract(data: data, sourceName: source, url: input.url, contentType: input.contentType))
            }
            return try next(PlainTextReader(maxBytes: options.maxTextBytes).read(data: data, sourceName: source, contentType: input.contentType))
        case .pdf:
            return try await PDFExtractor(timeout: options.pdfTimeout, pageCap: options.pdfPageCap, pdftotextPath: options.pdftotextPath)
                .extract(file: input.file, sourceName: source, then: next)
        case .docx:
            return try next(DocxExtractor(maxEntryBytes: options.maxDocxEntryBytes).extract(file: input.file, sourceName: source))
        case .doc, .wps:
            let converter = LegacyWordConverter()
            let docx = try await converter.convertToDocx(file: input.file, sourceName: source)
            defer { converter.cleanUp(convertedDocx: docx) }   // removes the converter's temporary directory
            var document = try DocxExtractor(maxEntryBytes: options.maxDocxEntryBytes).extract(file: docx, sourceName: source)
            document.metadata.mediaType = type.rawValue
            document.metadata.sourceName = source
            return try next(document)
        }
    }

    private func readPrefix(_ file: URL, source: String) throws -> Data {
        do {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            return try handle.read(upToCount: 8192) ?? Data()
        } catch {
            throw ExtractionError(source: source, reason: "cannot read file: \(Self.describe(error))")
        }
    }

    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain && (ns.code == NSFileReadNoSuchFileError || ns.code == NSFileNoSuchFileError) {
            return "no such file"
        }
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoPermissionError { return "permission denied" }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return ns.localizedDescription
    }
}
