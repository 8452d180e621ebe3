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

    /// `Archive.noteRevisit`: the report whose current version came from this URL and body gets
    /// its last-seen moved to the capture's time (as `rebuild` does for such a capture).
    public func revisit(capture: Capture, sha256: String, site: SiteConfig) async -> String? {
        do {
            try archive.noteRevisit(capture: capture, bodySHA256: sha256)
            return nil
        } catch {
            return "\(capture.url): cannot record the unchanged re-visit: \(error)"
        }
    }

    public func handle(capture: Capture, body: URL, site: SiteConfig) async -> ReportOutcome {
        switch await CaptureProcessing.process(capture, archive: archive, processor: processor) {
        case .notReport(let reason, _):
            return .notAReport(reason)
        case .failed(let reason):
            return .failed(reason)
        case .report(let record, let text):
            // Archive.store stamps the record from the capture (site, agency from config, url, sha256, time).
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
