import Foundation
import NianbaoCore
import Extraction
import Normalization
import Parsing

/// Extractor → Normalizer → Parser over one file: what `parse`, `fetch`, `crawl` and `rebuild` share.
public struct DocumentProcessor: Sendable {
    public let extractor: Extractor
    public let normalizer: Normalizer
    public let parser: ReportParser

    public init(extractor: Extractor = Extractor(), normalizer: Normalizer = Normalizer(), parser: ReportParser = ReportParser()) {
        self.extractor = extractor
        self.normalizer = normalizer
        self.parser = parser
    }

    /// The outcome for one document: a record, a document the parser found no report in, or the
    /// error that stopped it (each message names the document).
    public enum Outcome: Sendable {
        case report(ReportRecord, Document)
        /// The document was read, but the parser found no report in it (`ParseError`): `.notAReport`
        /// (a list page, a notice, a page with no 政府信息公开 text) or `.tablesNotFound` (it looks like a
        /// report — e.g. a detail page titled as one that only wraps the attachment — but has no table 三).
        /// Always at stage "parse". Callers decide whether that is a problem: `parse` says so and exits 1,
        /// `rebuild` counts such documents apart from failures.
        case notReport(kind: ParseError.Kind, message: String, document: Document)
        /// Extraction (unreadable, truncated, encrypted, too large…) or another error stopped it; also a
        /// document that has no text at all (e.g. an image-only PDF), which may be an unreadable report.
        case failed(stage: String, message: String, document: Document?)

        /// The stage and message of a document that gave no report (nil for a report).
        public var problem: (stage: String, message: String, document: Document?)? {
            switch self {
            case .report: return nil
            case .notReport(_, let message, let document): return ("parse", message, document)
            case .failed(let stage, let message, let document): return (stage, message, document)
            }
        }
    }

    public func process(_ input: ExtractionInput) async -> Outcome {
        // Normalizing and parsing are handed to the Extractor to run as soon as the Document is
        // complete: for a PDF that is while pdftotext is still ending (it changes nothing else).
        do {
            return try await extractor.extract(input) { [normalizer, parser] document in
                Self.outcome(of: document, input: input, normalizer: normalizer, parser: parser)
            }
        } catch {
            return .failed(stage: "extract", message: "\(error)", document: nil)
        }
    }

    /// Normalizer → Parser over an extracted document.
    static func outcome(of document: Document, input: ExtractionInput, normalizer: Normalizer, parser: ReportParser) -> Outcome {
        let normalized = normalizer.normalize(document)
        do {
            var record = try parser.parse(normalized)
            record.source.file = record.source.file ?? input.file.path
            record.source.url = record.source.url ?? input.url
            record.source.mediaType = record.source.mediaType ?? normalized.metadata.mediaType
            record.source.charset = record.source.charset ?? normalized.metadata.charset
            return .report(record, normalized)
        } catch let error as ParseError {
            // A document with no text at all (an image-only scan, an empty file) may well be a report
            // that cannot be read: a failure, not "not a report".
            if normalized.hasNoText { return .failed(stage: "parse", message: "\(error)", document: normalized) }
            return .notReport(kind: error.kind, message: "\(error)", document: normalized)
        } catch {
            return .failed(stage: "parse", message: "\(error)", document: normalized)
        }
    }
}
