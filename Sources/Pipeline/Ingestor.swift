import Foundation
import NianbaoCore
import Archiving
import Extraction

/// `nianbao archive add FILE --url URL`: records a local file as a capture (as if fetched from URL)
/// and processes it into the archive like a crawl would.
public struct Ingestor: Sendable {
    public let archive: Archive
    public let process: CaptureProcessing.Function

    public init(archive: Archive, processor: DocumentProcessor = DocumentProcessor()) {
        self.archive = archive
        self.process = CaptureProcessing.function(archive: archive, processor: processor)
    }

    /// With a custom processing function (tests).
    public init(archive: Archive, process: @escaping CaptureProcessing.Function) {
        self.archive = archive
        self.process = process
    }

    /// What happened to one added file.
    public struct Result: Sendable {
        public var capture: Capture
        /// Set when the body yielded a report.
        public var outcome: StoreOutcome?
        public var reportID: String?
        /// Set when it did not (the reason, naming the document).
        public var failure: String?
    }

    /// Invalid arguments to `add`.
    public struct InvalidInput: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Stores `file`'s bytes in raw/, appends a `manual` capture for `url` at `fetchedAt` (ISO 8601;
    /// default now), then extracts, parses and stores the report. A document that is not a report
    /// stays archived as a capture; the failure is returned, not thrown. Holds the archive's crawl
    /// lock (never writes beside a running crawl, fetch or rebuild: `ArchiveError.lockHeld`).
    public func add(file: URL, url: String, agency: String? = nil, fetchedAt: String? = nil, site: String = "manual") async throws -> Result {
        try await archive.withLock("crawl") {
            try await addLocked(file: file, url: url, agency: agency, fetchedAt: fetchedAt, site: site)
        }
    }

    private func addLocked(file: URL, url: String, agency: String?, fetchedAt: String?, site: String) async throws -> Result {
        let when: String
        if let fetchedAt {
            guard let date = Timestamps.parse(fetchedAt) else {
                throw InvalidInput(description: "--fetched-at '\(fetchedAt)' is not an ISO 8601 time such as 2026-11-21T08:00:00Z")
            }
            when = Timestamps.iso(date)
        } else {
            when = Timestamps.now()
        }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw InvalidInput(description: "\(file.path): cannot read: \(error.localizedDescription)")
        }
        let raw = try archive.storeRaw(data: data)
        let capture = Capture(id: Capture.makeID(url: url, fetchedAt: when), url: url, finalURL: url, redirectChain: [url],
                              fetchedAt: when, outcome: .fetched, sha256: raw.sha256, size: raw.size,
                              mediaType: MediaTypeSniffer.sniff(prefix: data.prefix(8192), filename: file.lastPathComponent,
                                                                   contentType: nil)?.rawValue, filename: file.lastPathComponent,
                              site: site, agency: agency, kind: "manual")
        try archive.appendCapture(capture)
        var result = Result(capture: capture)
        switch await process(capture) {
        case .report(let record, let text):
            result.outcome = try archive.store(record: record, capture: capture, text: text)
            result.reportID = ReportKey(record: record, capture: capture).reportID
        case .notReport(let reason, _), .failed(let reason):
            result.failure = reason
        }
        return result
    }
}
