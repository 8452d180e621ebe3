import Foundation
import NianbaoCore

/// Reads a PDF through poppler's `pdftotext` into a Document: a title, headings, paragraphs,
/// and the statistical tables rebuilt as grids by column position.
///
/// pdftotext runs once per file with an argv (never a shell), a time limit and a page cap, and
/// prints `-bbox -raw`: every word with its bounding box, in the order the page draws them.
/// (`-layout` places words on a character grid; measured on the 淮安 report, its columns drift by
/// several characters between pages and between CJK and digit runs, so the grid is rebuilt from
/// the real coordinates instead. `-raw` skips pdftotext's own reading-order analysis, which the
/// layout stage does not use: that run is 3–8 % faster than `-layout`, and 9–15 % faster than
/// `-tsv`, on the benchmark's files.)
///
/// Outcomes:
/// - a PDF with no text layer (a scan) is not an error: the Document has no blocks and the note
///   ``PDFExtractor/imageOnlyNote``, so the archive keeps the capture with that status;
/// - a truncated or damaged PDF, an encrypted PDF, non-PDF bytes, pdftotext missing or running
///   past its time limit each throw an ``ExtractionError`` naming the file and the reason.
public struct PDFExtractor: Sendable {
    /// The note on a Document read from a PDF that has pages but no text.
    public static let imageOnlyNote = "image-only PDF; no text layer"

    public let timeout: Duration
    public let pageCap: Int
    public let pdftotextPath: String

    /// - Parameters:
    ///   - timeout: how long pdftotext may run before it is killed.
    ///   - pageCap: pages read at most (pdftotext `-l`); a note says when the cap was reached.
    ///   - pdftotextPath: the program, by name on PATH or by absolute path.
    public init(timeout: Duration = .seconds(30), pageCap: Int = 200, pdftotextPath: String = "pdftotext") {
        self.timeout = timeout
        self.pageCap = pageCap
        self.pdftotextPath = pdftotextPath
    }

    public func extract(file: URL, sourceName: String) async throws -> Document {
        try await extract(file: file, sourceName: sourceName) { $0 }
    }

    /// Extracts the PDF and hands the Document to `next` as soon as pdftotext has printed its
    /// last page (`</doc>`). pdftotext then only has to end — about 0.8 ms on this machine, for
    /// the kernel to take down its memory before the pipe closes — and `next` (the rest of the
    /// pipeline) runs in that time instead of after it. What `next` returns is handed back once
    /// pdftotext has exited; if it failed, ran past its time limit or printed too much, the
    /// result is dropped and the error thrown as from ``extract(file:sourceName:)``.
    public func extract<T: Sendable>(file: URL, sourceName: String,
                                     then next: @escaping @Sendable (Document) throws -> T) async throws -> T {
        func fail(_ reason: String) -> ExtractionError { ExtractionError(source: sourceName, reason: reason) }
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 1024) ?? Data()
        } catch {
            throw fail("cannot read file: \(error.localizedDescription)")
        }
        guard head.range(of: Data("%PDF-".utf8)) != nil else {
            throw fail("not a PDF (no %PDF- header in the first 1 KB)")
        }
        // pdftotext prints page by page; its output is read as it comes (see PDFTextLayerBuilder).
        let sink = PDFTextLayerSink(pageCap: pageCap)
        let early = Locked<Result<T, any Error>?>(nil)   // what `next` made, kept until pdftotext exits
        let output: ExternalTool.Output
        do {
            output = try await tool.stream(Self.arguments + ["-l", String(max(pageCap, 1) + 1), file.path, "-"]) { chunk in
                guard let layer = sink.feed(chunk) else { return }
                let result = Result { try next(try self.document(layer: layer, sourceName: sourceName)) }
                early.value = result
            }
        } catch let failure as ExternalTool.Failure {
            throw fail(failure.reason(tool: "pdftotext", missing: "pdftotext not found (\(pdftotextPath)); install poppler-utils"))
        }
        if !output.succeeded {
            throw fail(Self.reason(for: output))
        }
        if let result = early.value { return try result.get() }
        // Output without its end line (pdftotext 22 always prints it; kept for other versions).
        return try next(try document(layer: sink.finish(), sourceName: sourceName))
    }

    /// What pdftotext is asked to print (before the page range, file and `-` for stdout).
    package static let arguments = ["-bbox", "-raw", "-enc", "UTF-8"]

    /// Runs pdftotext with `arguments` exactly as ``extract(file:sourceName:)`` does (swift-subprocess,
    /// this extractor's time limit, a 256 MB output cap) and returns its stdout, or throws
    /// `ExternalTool.Failure`. For the benchmark, which times bare runs this way, and for tests.
    package func pdftotextOutput(_ arguments: [String]) async throws -> [UInt8] {
        try await tool.run(arguments).stdout
    }

    var tool: ExternalTool { ExternalTool(program: pdftotextPath, timeout: timeout, outputLimit: 256 << 20) }

    /// The Document for complete `pdftotext -bbox -raw` output, read in one piece (what
    /// ``extract(file:sourceName:)`` does with the output as it arrives). For the benchmark and tests.
    package func document(bbox: [UInt8], sourceName: String) throws -> Document {
        try document(layer: PDFTextLayerBuilder.layer(bbox: bbox, pageCap: pageCap), sourceName: sourceName)
    }

    func document(layer: PDFTextLayer, sourceName: String) throws -> Document {
        let pages = layer.pages
        var metadata = DocumentMetadata(mediaType: "application/pdf", sourceName: sourceName, pageCount: pages.count)
        var notes: [String] = []
        if layer.passedCap { notes.append("page cap of \(pageCap) pages reached; later pages were not read") }
        if pages.isEmpty { throw ExtractionError(source: sourceName, reason: "damaged PDF: pdftotext found no pages") }
        if pages.allSatisfy({ $0.words == 0 }) {
            notes.insert(Self.imageOnlyNote, at: 0)
            return Document(metadata: metadata, blocks: [], notes: notes)
        }
        let emptyPages = pages.filter { $0.words == 0 }.map(\.number)
        if !emptyPages.isEmpty {
            notes.append("pages without a text layer (images only): \(emptyPages.map(String.init).joined(separator: ", "))")
        }
        // A scan with a stray text layer (a page number, a scanner app's watermark) is still a scan.
        let characters = pages.reduce(0) { $0 + $1.characters }
        if characters < 30 * pages.count {
            notes.append("almost no text (\(characters) characters on \(pages.count) pages): probably a scanned PDF")
        }
        let (blocks, title) = PDFLayout(lines: layer.lines).blocks()
        metadata.title = title ?? blocks.first { $0.kind != .table }?.text
        return Document(metadata: metadata, blocks: blocks, notes: notes)
    }

    /// A plain reason from pdftotext's exit status and messages.
    static func reason(for output: ExternalTool.Output) -> String {
        let err = output.stderr
        let lastLine = err.split(separator: "\n").last.map(String.init) ?? ""
        if err.contains("password") {
            return "encrypted PDF: needs a password to open (pdftotext: \(lastLine))"
        }
        if case .exited(3) = output.status { return "PDF does not permit copying its text (pdftotext exit 3)" }
        if err.contains("xref") || err.contains("trailer") || err.contains("Couldn't") {
            return "damaged or truncated PDF (pdftotext: \(lastLine))"
        }
        return "pdftotext failed (\(output.status))" + (lastLine.isEmpty ? "" : ": \(lastLine)")
    }
}
