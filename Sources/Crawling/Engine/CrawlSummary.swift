import Foundation

/// Counts of one crawl (or one site), printed as the final summary line.
public struct CrawlSummary: Sendable, Equatable {
    public var sites = 0
    /// Requests that brought a body not seen before for that URL.
    public var fetched = 0
    /// Requests answered 304, or with the same sha256 as the last capture.
    public var unchanged = 0
    /// Requests refused before fetching (robots.txt, host set aside).
    public var skipped = 0
    public var newReports = 0
    public var changedReports = 0
    /// Report candidates seen on list pages (after de-duplication).
    public var reportsFound = 0
    public var listPages = 0
    /// Failed transfers, HTTP errors, and report candidates that yielded no record.
    public var errors = 0
    /// One line per error: URL and reason.
    public var errorMessages: [String] = []

    public init() {}

    public mutating func add(_ o: CrawlSummary) {
        sites += o.sites
        fetched += o.fetched
        unchanged += o.unchanged
        skipped += o.skipped
        newReports += o.newReports
        changedReports += o.changedReports
        reportsFound += o.reportsFound
        listPages += o.listPages
        errors += o.errors
        errorMessages += o.errorMessages
    }

    mutating func error(_ url: String, _ reason: String) {
        errors += 1
        errorMessages.append(reason.hasPrefix(url) ? reason : "\(url): \(reason)")
    }

    /// `sites 3, fetched 14, unchanged 0, new reports 5, changed reports 0, errors 1`
    public var line: String {
        "sites \(sites), fetched \(fetched), unchanged \(unchanged), new reports \(newReports), "
            + "changed reports \(changedReports), errors \(errors)"
    }

    /// 0 when everything succeeded, 1 when some documents or sites failed.
    public var exitCode: Int32 { errors == 0 ? 0 : 1 }
}

/// A snapshot for progress display: sites done of total, list pages read, reports found.
public struct CrawlProgress: Sendable, Equatable {
    public var sitesDone: Int
    public var sitesTotal: Int
    public var pages: Int
    public var reportsFound: Int
    public var fetched: Int

    /// `sites 2/5  pages 14  reports 9  fetched 30`
    public var line: String {
        "sites \(sitesDone)/\(sitesTotal)  pages \(pages)  reports \(reportsFound)  fetched \(fetched)"
    }
}
