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

    /// The outcome for one document: a record, or the error that stopped it (naming the document).
    public enum Outcome: Sendable {
        case report(ReportRecord, Document)
        case failed(stage: String, message: String, document: Document?)
    }

    public func process(_ input: ExtractionInput) async -> Outcome {
        let document: Document
        do {
            document = try await extractor.extract(input)
        } catch {
            return .failed(stage: "extract", message: "\(error)", document: nil)
        }
        let normalized = normalizer.normalize(document)
        do {
            var record = try parser.parse(normalized)
            record.source.file = record.source.file ?? input.file.path
            record.source.url = record.source.url ?? input.url
            record.source.mediaType = record.source.mediaType ?? normalized.metadata.mediaType
            record.source.charset = record.source.charset ?? normalized.metadata.charset
            return .report(record, normalized)
        } catch {
            return .failed(stage: "parse", message: "\(error)", document: normalized)
        }
    }
}
