import Foundation
import NianbaoCore
import Extraction
import Archiving
import Parsing

/// Processing one archived capture: its raw body through Extractor → Normalizer → Parser.
/// Shared by `archive add`, `fetch`/`crawl` drivers and `rebuild`.
public enum CaptureProcessing {
    /// The result for one capture's body.
    public enum Result: Sendable {
        /// A report and its normalized text (the record's source is not yet stamped from the capture).
        case report(ReportRecord, text: String)
        /// The body was read but the parser found no report in it: its `ParseError.Kind` and the
        /// reason, naming the capture (a list page, a notice, a detail page that wraps an attachment).
        case notReport(String, kind: ParseError.Kind)
        /// No report because something failed (no body, extraction error): the stage and the reason, naming the capture.
        case failed(String)

        /// The reason for a capture that gave no report (nil for a report).
        public var reason: String? {
            switch self {
            case .report: return nil
            case .notReport(let r, _), .failed(let r): return r
            }
        }
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
                               contentType: capture.effectiveContentType,
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
        case .notReport(let kind, let message, _):
            return .notReport("\(input.sourceName): parse: \(strip(message, input.sourceName))", kind: kind)
        case .failed(let stage, let message, _):
            return .failed("\(input.sourceName): \(stage): \(strip(message, input.sourceName))")
        }
    }

    /// The message without a leading "<source name>: " (the caller puts the name first itself).
    private static func strip(_ message: String, _ sourceName: String) -> String {
        message.hasPrefix(sourceName + ": ") ? String(message.dropFirst(sourceName.count + 2)) : message
    }
}
