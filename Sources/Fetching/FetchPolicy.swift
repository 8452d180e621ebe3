import Foundation

/// How one site may be fetched: size cap, TLS, timeouts, politeness and retries.
/// Built per site from config; the defaults are the documented politeness defaults.
public struct FetchPolicy: Sendable, Equatable {
    /// Largest body accepted (after content decoding). A larger body aborts the transfer and
    /// leaves no file behind. Default 50 MB.
    public var maxBytes: Int = 50 << 20
    /// Turn TLS certificate and host verification off (site opted out in config). Logged as a warning on every fetch.
    public var insecureTLS = false
    /// Accept old TLS set-ups that OpenSSL 3 refuses by default (cipher list `DEFAULT:@SECLEVEL=1`),
    /// for portals on legacy servers. Verification stays as `insecureTLS` says.
    public var legacyTLS = false
    /// Time allowed to establish the connection (TCP + TLS).
    public var connectTimeout: Duration = .seconds(15)
    /// Time allowed for one transfer (one attempt of one redirect hop), start to last byte.
    public var totalTimeout: Duration = .seconds(120)
    /// A transfer slower than this many bytes/s for `lowSpeedTime` is aborted as stalled.
    public var lowSpeedLimitBytesPerSec = 100
    public var lowSpeedTime: Duration = .seconds(30)
    /// Per-host spacing between the starts of consecutive requests. The effective delay is
    /// `max(minDelay, robots.txt Crawl-delay)`.
    public var minDelay: Duration = .seconds(2)
    /// A robots.txt Crawl-delay above this is not waited out: the host's requests are skipped
    /// with the reason, rather than stalling the run. Default 60 s.
    public var maxCrawlDelay: Duration = .seconds(60)
    /// Attempts per request (first try + retries) on connect errors, timeouts, resets, 429 and 5xx.
    public var maxAttempts = 4
    /// Redirect hops followed before giving up.
    public var maxRedirects = 10
    /// Fetch and obey robots.txt (RFC 9309) for every host.
    public var obeyRobots = true
    /// Requests in flight at once to one host (host:port).
    public var maxConnectionsPerHost = 1
    /// First retry waits about this long; each further retry doubles it (with ±50 % jitter).
    public var retryBaseDelay: Duration = .seconds(1)
    /// Longest wait between attempts; a Retry-After beyond it ends the retries with an error.
    public var maxRetryWait: Duration = .seconds(120)
    /// After this many consecutive failed requests (transport errors or 5xx after all retries),
    /// a host is set aside for the rest of the run.
    public var hostFailureLimit = 3

    public init() {}
}

/// One URL to fetch, with its site's policy and the validators of its last capture.
public struct FetchRequest: Sendable {
    public var url: String
    public var policy: FetchPolicy
    /// ETag of the last capture, sent as If-None-Match.
    public var ifNoneMatch: String?
    /// Last-Modified of the last capture, sent as If-Modified-Since.
    public var ifModifiedSince: String?
    /// Extra request headers (e.g. Referer). User-Agent and Accept-Encoding are set by the fetcher.
    public var extraHeaders: [String: String]

    public init(url: String, policy: FetchPolicy = FetchPolicy(), ifNoneMatch: String? = nil,
                ifModifiedSince: String? = nil, extraHeaders: [String: String] = [:]) {
        self.url = url
        self.policy = policy
        self.ifNoneMatch = ifNoneMatch
        self.ifModifiedSince = ifModifiedSince
        self.extraHeaders = extraHeaders
    }
}
