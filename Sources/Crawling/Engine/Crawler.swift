import Extraction
import Foundation
import Logging
import NianbaoCore

/// The crawl loop: for each site, read its list pages (following pagination), collect report
/// links, visit each detail page and its attachments, and hand new bodies on for parsing.
/// Sites run concurrently; politeness (robots, per-host delay, retries) lives in the fetcher.
public final class Crawler: Sendable {
    let fetcher: any PageFetching
    let store: any CrawlStore
    let reports: (any ReportHandling)?
    let logger: Logger
    let concurrentSites: Int
    let progress: (@Sendable (CrawlProgress) -> Void)?
    let counter = ProgressCounter()

    /// - Parameters:
    ///   - reports: parses and files new bodies; nil archives bodies without parsing (`fetch --no-parse`).
    ///   - progress: called after every list page, site and fetched report candidate.
    public init(fetcher: any PageFetching, store: any CrawlStore, reports: (any ReportHandling)?,
                concurrentSites: Int = 64, logger: Logger = Logger(label: "nianbao.crawl"),
                progress: (@Sendable (CrawlProgress) -> Void)? = nil) {
        self.fetcher = fetcher
        self.store = store
        self.reports = reports
        self.concurrentSites = max(1, concurrentSites)
        self.logger = logger
        self.progress = progress
    }

    /// Crawls every site (at most `concurrentSites` at once) and returns the merged counts.
    public func crawl(_ sites: [SiteConfig]) async -> CrawlSummary {
        counter.start(total: sites.count)
        var total = CrawlSummary()
        await withTaskGroup(of: CrawlSummary.self) { group in
            var next = 0
            func addNext() {
                guard next < sites.count else { return }
                let site = sites[next]
                next += 1
                group.addTask { await self.crawlSite(site) }
            }
            for _ in 0..<min(concurrentSites, sites.count) { addNext() }
            while let s = await group.next() {
                total.add(s)
                report { $0.sitesDone += 1 }
                addNext()
            }
        }
        return total
    }

    /// One site: list pages first (breadth-first, up to `maxListPages`), then every report link.
    public func crawlSite(_ site: SiteConfig) async -> CrawlSummary {
        var tally = CrawlSummary()
        tally.sites = 1
        let (candidates, _) = await readLists(site, tally: &tally, keep: true)
        tally.reportsFound = candidates.count
        report { $0.reportsFound += candidates.count }
        for candidate in candidates {
            await document(candidate.url, site: site, kind: nil, parent: candidate.parent, tally: &tally)
        }
        logger.info("site \(site.id): \(tally.line)")
        return tally
    }

    /// A report link with the list page it was found on.
    struct Found: Sendable {
        var url: String
        var text: String
        var parent: String
    }

    /// Reads the list pages of a site. With `keep` false (dry run) bodies are deleted, not stored.
    func readLists(_ site: SiteConfig, tally: inout CrawlSummary, keep: Bool) async -> ([Found], [(String, String)]) {
        var queue = site.startURLs
        var queued = Set(queue.map(ListPageDiscovery.canonical))
        var found: [Found] = []
        var seen: Set<String> = []
        var excluded: [(String, String)] = []
        let discovery = ListPageDiscovery(site: site)
        var visited = 0
        while !queue.isEmpty, visited < site.maxListPages {
            let url = queue.removeFirst()
            visited += 1
            guard let (html, finalURL) = await listPage(url, site: site, tally: &tally, keep: keep) else { continue }
            tally.listPages += 1
            report { $0.pages += 1 }
            let result: ListPageResult
            do { result = try discovery.discover(html: html, pageURL: finalURL) } catch {
                tally.error(url, "list page not parsable: \(error)")
                continue
            }
            for r in result.reports where seen.insert(ListPageDiscovery.canonical(r.url)).inserted {
                found.append(Found(url: r.url, text: r.text, parent: url))
            }
            excluded += result.excluded
            for p in result.pages where queued.insert(ListPageDiscovery.canonical(p)).inserted {
                queue.append(p)
            }
        }
        // A column's own list pages (linked from its navigation as 政府信息公开年报) are not reports.
        found.removeAll { queued.contains(ListPageDiscovery.canonical($0.url)) }
        if !queue.isEmpty {
            logger.notice("site \(site.id): stopped after max_list_pages=\(site.maxListPages); \(queue.count) list page(s) not read")
        }
        return (found, excluded)
    }

    /// A list page as UTF-8 text (decoded with the site's encoding override when set), and its final URL.
    func listPage(_ url: String, site: SiteConfig, tally: inout CrawlSummary, keep: Bool) async -> (String, String)? {
        let data: Data
        let capture: Capture
        if keep {
            let v = await visit(url, site: site, kind: "list", parent: nil, tally: &tally)
            guard let body = v.body, let c = v.capture, let d = try? Data(contentsOf: body) else { return nil }
            data = d
            capture = c
        } else {
            let r = await fetcher.fetch(PageRequest(url: url, site: site, kind: "list"))
            defer { if let f = r.bodyFile { try? FileManager.default.removeItem(at: f) } }
            guard r.capture.outcome == .fetched, let f = r.bodyFile, let d = try? Data(contentsOf: f),
                  (200..<300).contains(r.capture.status ?? 200) else {
                tally.error(url, r.capture.error ?? "HTTP \(r.capture.status ?? 0)")
                return nil
            }
            data = d
            capture = r.capture
        }
        return (Self.decodeHTML(data, capture: capture, site: site), capture.finalURL ?? url)
    }

    static func decodeHTML(_ data: Data, capture: Capture, site: SiteConfig) -> String {
        var c = capture
        c.charsetOverride = c.charsetOverride ?? site.encoding
        return PageDecoder.decode(data, contentType: c.effectiveContentType).text
    }

    func report(_ change: (inout CrawlProgress) -> Void) {
        let snapshot = counter.update(change)
        progress?(snapshot)
    }
}

/// Progress counts shared by the concurrently crawled sites.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = CrawlProgress(sitesDone: 0, sitesTotal: 0, pages: 0, reportsFound: 0, fetched: 0)

    func start(total: Int) { _ = update { $0 = CrawlProgress(sitesDone: 0, sitesTotal: total, pages: 0, reportsFound: 0, fetched: 0) } }

    func update(_ change: (inout CrawlProgress) -> Void) -> CrawlProgress {
        lock.lock()
        defer { lock.unlock() }
        change(&value)
        return value
    }
}
