import Fetching
import Foundation
import NianbaoCore

/// The Fetching module's `Fetcher` as the crawler's downloader: a site's config becomes its FetchPolicy.
public struct FetcherPageSource: PageFetching {
    public let fetcher: Fetcher
    public let defaults: CrawlDefaults

    public init(fetcher: Fetcher, defaults: CrawlDefaults) {
        self.fetcher = fetcher
        self.defaults = defaults
    }

    /// The policy for a site: its delay, size cap and TLS choice, the defaults' timeouts and attempts.
    public func policy(for site: SiteConfig) -> FetchPolicy {
        var p = FetchPolicy()
        p.maxBytes = site.maxBytes
        p.insecureTLS = site.insecureTLS
        p.legacyTLS = site.legacyTLS
        p.minDelay = .milliseconds(Int((site.delay * 1000).rounded()))
        p.connectTimeout = .milliseconds(Int(defaults.connectTimeout * 1000))
        p.totalTimeout = .milliseconds(Int(defaults.totalTimeout * 1000))
        p.maxAttempts = defaults.maxAttempts
        p.retryBaseDelay = .milliseconds(Int(defaults.retryBaseDelay * 1000))
        return p
    }

    public func fetch(_ request: PageRequest) async -> PageResult {
        var headers: [String: String] = [:]
        if let parent = request.parent { headers["Referer"] = parent }
        let r = await fetcher.fetch(FetchRequest(url: request.url, policy: policy(for: request.site),
                                                 ifNoneMatch: request.ifNoneMatch, ifModifiedSince: request.ifModifiedSince,
                                                 extraHeaders: headers))
        var capture = r.capture(site: request.site.id, agency: request.site.agency, kind: request.kind, parent: request.parent)
        capture.charsetOverride = request.site.encoding
        return PageResult(capture: capture, bodyFile: r.bodyFile)
    }
}
