import Archiving
import Crawling
import Fetching
import Foundation
import Logging
import NianbaoCore

/// `nianbao fetch URL`: one page or attachment archived and processed like a crawl. A page that
/// only wraps an attachment has its report parsed from the attachment.
public struct FetchDriver: Sendable {
    public var archiveRoot: URL
    public var defaults: CrawlDefaults
    public var logger: Logger

    public init(archiveRoot: URL, defaults: CrawlDefaults = CrawlDefaults(), logger: Logger = Logger(label: "nianbao.fetch")) {
        self.archiveRoot = archiveRoot
        self.defaults = defaults
        self.logger = logger
    }

    /// What became of the URL: the counts, and the captures written for it.
    public struct Result: Sendable {
        public var summary: CrawlSummary
        public var captures: [Capture]
    }

    /// Fetches `url` (site "manual", any host for its attachments); `parse` false archives only.
    /// Holds the archive's crawl lock like a crawl does, so a fetch never writes beside a running
    /// crawl or rebuild: throws `ArchiveError.lockHeld` when one is running.
    public func fetch(_ url: String, agency: String? = nil, parse: Bool = true) async throws -> Result {
        let archive = try Archive(root: archiveRoot)
        return try await archive.withLock("crawl") {
            try await fetchLocked(url, archive: archive, agency: agency, parse: parse)
        }
    }

    private func fetchLocked(_ url: String, archive: Archive, agency: String?, parse: Bool) async throws -> Result {
        let fetcher = Fetcher(userAgent: Fetcher.userAgent(contact: defaults.contact), bodyDirectory: archive.tempDirectory,
                              logger: logger)
        defer { fetcher.shutdown() }
        let store = try CrawlArchiveStore(archive: archive)
        let recorder = RecordingStore(store)
        let crawler = Crawler(fetcher: FetcherPageSource(fetcher: fetcher, defaults: defaults), store: recorder,
                              reports: parse ? CrawlReportHandler(archive: archive) : nil, logger: logger)
        let site = SiteConfig(id: "manual", agency: agency, startURLs: [url], allowedHosts: ["*"],
                              delay: defaults.delay, maxBytes: defaults.maxBytes)
        let summary = await crawler.fetchDocument(url, site: site)
        return Result(summary: summary, captures: recorder.written)
    }
}

/// Passes through to a store and remembers the captures written (for `fetch`'s report).
final class RecordingStore: CrawlStore, @unchecked Sendable {
    let base: any CrawlStore
    private let lock = NSLock()
    private var list: [Capture] = []

    init(_ base: any CrawlStore) { self.base = base }

    var written: [Capture] { lock.withLock { list } }
    func lastBodyCapture(url: String) -> Capture? { base.lastBodyCapture(url: url) }
    func rawFile(sha256: String) -> URL? { base.rawFile(sha256: sha256) }
    func storeBody(movingFile file: URL, sha256: String) throws { try base.storeBody(movingFile: file, sha256: sha256) }
    func appendCapture(_ capture: Capture) throws {
        try base.appendCapture(capture)
        lock.withLock { list.append(capture) }
    }
}
