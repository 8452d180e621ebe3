import Foundation
import NianbaoCore
import Extraction
import Archiving

/// Processing one archived capture: its raw body through Extractor → Normalizer → Parser.
/// Shared by `archive add`, `fetch`/`crawl` drivers and `rebuild`.
public enum CaptureProcessing {
    /// The result for one capture's body.
    public enum Result: Sendable {
        /// A report and its normalized text (the record's source is not yet stamped from the capture).
        case report(ReportRecord, text: String)
        /// No report: the stage and the reason, naming the capture.
        case failed(String)
    }

    /// Processing of one capture, as rebuild and ingest call it.
    public typealias Function = @Sendable (Capture) async -> Result

    /// The standard function: `process(_:archive:processor:)`.
    public static func function(archive: Archive, processor: DocumentProcessor) -> Function {
        { capture in await process(capture, archive: archive, processor: processor) }
    }

    /// The extraction input for a capture's body in raw/.
    public static func input(for capture: Capture, archive: Archive) -> ExtractionInput? {
        guard let sha = capture.sha256 else { return nil }
        return ExtractionInput(file: archive.rawURL(sha256: sha), sourceName: "\(capture.url) (capture \(capture.id))",
                               url: capture.finalURL ?? capture.url,
                               contentType: capture.header("content-type") ?? capture.mediaType,
                               filename: capture.filename)
    }

    /// Runs the processor over the capture's raw body. Never throws: every failure is a `.failed` naming the capture.
    public static func process(_ capture: Capture, archive: Archive, processor: DocumentProcessor) async -> Result {
        guard let input = input(for: capture, archive: archive) else { return .failed("\(capture.url) (capture \(capture.id)): no body") }
        guard FileManager.default.fileExists(atPath: input.file.path) else {
            return .failed("\(input.sourceName): raw body raw/\(capture.sha256!.prefix(2))/\(capture.sha256!) is missing")
        }
        switch await processor.process(input) {
        case .report(let record, let document):
            return .report(record, text: document.flattenedText)
        case .failed(let stage, let message, _):
            let reason = message.hasPrefix(input.sourceName + ": ") ? String(message.dropFirst(input.sourceName.count + 2)) : message
            return .failed("\(input.sourceName): \(stage): \(reason)")
        }
    }
}
