import Foundation

/// What `crawl --dry-run` reports for one site: the report links it would follow.
public struct DryRunSite: Sendable {
    public var site: String
    public var reports: [(url: String, text: String)]
    public var excluded: [(text: String, pattern: String)]
    public var summary: CrawlSummary
}

extension Crawler {
    /// Reads each site's list pages without storing anything and lists the report links found.
    public func dryRun(_ sites: [SiteConfig]) async -> [DryRunSite] {
        var out: [DryRunSite] = []
        for site in sites {
            var tally = CrawlSummary()
            tally.sites = 1
            let (found, excluded) = await readLists(site, tally: &tally, keep: false)
            tally.reportsFound = found.count
            out.append(DryRunSite(site: site.id, reports: found.map { ($0.url, $0.text) }, excluded: excluded, summary: tally))
        }
        return out
    }
}
