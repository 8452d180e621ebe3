import Archiving
import Crawling
import Foundation
import NianbaoCore

/// Extractor → Normalizer → Parser over a stored body, then `Archive.store(record:)`:
/// what the crawler calls for every new or changed body.
public struct CrawlReportHandler: ReportHandling {
    public let archive: Archive
    public let processor: DocumentProcessor

    public init(archive: Archive, processor: DocumentProcessor = DocumentProcessor()) {
        self.archive = archive
        self.processor = processor
    }

    public func handle(capture: Capture, body: URL, site: SiteConfig) async -> ReportOutcome {
        switch await CaptureProcessing.process(capture, archive: archive, processor: processor) {
        case .failed(let reason):
            return .failed(reason)
        case .report(var record, let text):
            if let agency = site.agency { record.agency = agency }
            record.source.site = site.id
            record.source.url = capture.url
            record.source.sha256 = capture.sha256
            record.source.fetchedAt = capture.fetchedAt
            record.source.captureID = capture.id
            do {
                switch try archive.store(record: record, capture: capture, text: text) {
                case .new(let version): return .new(version: version)
                case .changed(let version, let diff): return .changed(version: version, changedCells: diff.count)
                case .unchanged: return .unchanged
                }
            } catch {
                return .failed("\(capture.url): cannot store the record: \(error)")
            }
        }
    }
}
