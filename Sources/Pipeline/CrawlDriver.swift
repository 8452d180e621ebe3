import Archiving
import Crawling
import Fetching
import Foundation
import Logging
import NianbaoCore

/// `nianbao crawl`: every selected site, under the archive's crawl lock, through the real Fetcher,
/// into the Archive, with new and changed bodies parsed and stored as report versions.
public struct CrawlDriver: Sendable {
    public var sites: SitesFile
    public var archiveRoot: URL
    public var logger: Logger
    public var progress: (@Sendable (CrawlProgress) -> Void)?

    public init(sites: SitesFile, archiveRoot: URL, logger: Logger = Logger(label: "nianbao.crawl"),
                progress: (@Sendable (CrawlProgress) -> Void)? = nil) {
        self.sites = sites
        self.archiveRoot = archiveRoot
        self.logger = logger
        self.progress = progress
    }

    /// Crawls the sites named (all enabled sites when empty). Throws `ConfigError` for an unknown
    /// site id and `ArchiveError.lockHeld("crawl")` when another crawl is running.
    public func crawl(siteIDs: [String] = []) async throws -> CrawlSummary {
        let selected = try sites.selecting(siteIDs)
        let archive = try Archive(root: archiveRoot)
        return try await archive.withLock("crawl") {
            // tmp/crawl/ belongs to the lock holder: whatever is there was left by a killed run.
            let bodies = archive.tempDirectory.appendingPathComponent("crawl")
            try? FileManager.default.removeItem(at: bodies)
            try FileManager.default.createDirectory(at: bodies, withIntermediateDirectories: true)
            let fetcher = Fetcher(userAgent: Fetcher.userAgent(contact: sites.defaults.contact),
                                  bodyDirectory: bodies, logger: logger)
            defer {
                fetcher.shutdown()
                try? FileManager.default.removeItem(at: bodies)
            }
            let crawler = Crawler(fetcher: FetcherPageSource(fetcher: fetcher, defaults: sites.defaults),
                                  store: try CrawlArchiveStore(archive: archive),
                                  reports: CrawlReportHandler(archive: archive),
                                  concurrentSites: sites.defaults.concurrentSites, logger: logger, progress: progress)
            return await crawler.crawl(selected)
        }
    }

    /// `crawl --dry-run`: read the list pages and list the report links; nothing is stored.
    public func dryRun(siteIDs: [String] = []) async throws -> [DryRunSite] {
        let selected = try sites.selecting(siteIDs)
        let body = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-dry-\(getpid())")
        try FileManager.default.createDirectory(at: body, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: body) }
        let fetcher = Fetcher(userAgent: Fetcher.userAgent(contact: sites.defaults.contact), bodyDirectory: body, logger: logger)
        defer { fetcher.shutdown() }
        let crawler = Crawler(fetcher: FetcherPageSource(fetcher: fetcher, defaults: sites.defaults),
                              store: NothingStored(), reports: nil, logger: logger)
        return await crawler.dryRun(selected)
    }
}

/// The store of a dry run: remembers nothing, keeps nothing.
struct NothingStored: CrawlStore {
    func lastBodyCapture(url: String) -> Capture? { nil }
    func rawFile(sha256: String) -> URL? { nil }
    func storeBody(movingFile file: URL, sha256: String) throws { try? FileManager.default.removeItem(at: file) }
    func appendCapture(_ capture: Capture) throws {}
}
