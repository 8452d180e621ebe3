import Foundation
import NianbaoCore

/// One URL the crawler wants, with what it knows about it.
public struct PageRequest: Sendable {
    public var url: String
    /// The site whose policy applies (delay, size cap, TLS, encoding).
    public var site: SiteConfig
    /// list, detail, attachment or manual (recorded in the capture).
    public var kind: String
    /// The page the URL was found on.
    public var parent: String?
    /// Validators of the last capture with a body, for a conditional GET.
    public var ifNoneMatch: String?
    public var ifModifiedSince: String?

    public init(url: String, site: SiteConfig, kind: String, parent: String? = nil,
                ifNoneMatch: String? = nil, ifModifiedSince: String? = nil) {
        self.url = url
        self.site = site
        self.kind = kind
        self.parent = parent
        self.ifNoneMatch = ifNoneMatch
        self.ifModifiedSince = ifModifiedSince
    }
}

/// What a fetch produced: its captures-log line and, when a body arrived, the complete temp file
/// holding it (the crawler moves it into the archive or deletes it).
public struct PageResult: Sendable {
    public var capture: Capture
    public var bodyFile: URL?

    public init(capture: Capture, bodyFile: URL?) {
        self.capture = capture
        self.bodyFile = bodyFile
    }
}

/// The downloader the crawler drives (the Fetching module's `Fetcher`, through `FetcherPageSource`).
/// It applies robots.txt, the per-host delay, retries and the size cap; it never throws.
public protocol PageFetching: Sendable {
    func fetch(_ request: PageRequest) async -> PageResult
}

/// The part of the archive the crawler writes: raw bodies and the captures log.
public protocol CrawlStore: Sendable {
    /// The most recent capture of `url` that stored a body (for validators and 304 handling).
    func lastBodyCapture(url: String) -> Capture?
    /// The raw file of a stored body, when present.
    func rawFile(sha256: String) -> URL?
    /// Moves a complete body file into raw/ under its sha256 (deduplicated, atomic).
    func storeBody(movingFile file: URL, sha256: String) throws
    /// Appends one line to the captures log.
    func appendCapture(_ capture: Capture) throws
}

/// What became of a document handed on for parsing and archiving.
public enum ReportOutcome: Sendable, Equatable {
    /// A report never seen before (version 1 of its record).
    case new(version: Int)
    /// A new version of a known report, with the number of changed cells.
    case changed(version: Int, changedCells: Int)
    /// The record is identical to the stored one.
    case unchanged
    /// The document is not a report (the reason names it).
    case notAReport(String)
    /// Extraction, parsing or storing failed (the reason names the document and the stage).
    case failed(String)

    public var isReport: Bool {
        switch self {
        case .new, .changed, .unchanged: return true
        case .notAReport, .failed: return false
        }
    }
}

/// Turns a stored body into a record and files it (Extractor → Normalizer → Parser → Archive).
public protocol ReportHandling: Sendable {
    func handle(capture: Capture, body: URL, site: SiteConfig) async -> ReportOutcome
    /// An unchanged re-visit of a document (a 304, or the same sha256 as the URL's last body, which is
    /// `sha256`): the body is not parsed again, but the report that came from it was seen again
    /// (its last-seen moves). Returns an error message when that cannot be recorded, else nil.
    func revisit(capture: Capture, sha256: String, site: SiteConfig) async -> String?
}

extension ReportHandling {
    /// Default: nothing to record.
    public func revisit(capture: Capture, sha256: String, site: SiteConfig) async -> String? { nil }
}
