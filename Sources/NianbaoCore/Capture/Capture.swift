/// One fetch attempt, success or failure: a line of the captures log (captures/YYYY-MM.jsonl).
/// The body, when there is one, lives in raw/ under its sha256.
public struct Capture: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// A body was received and stored (any HTTP status; see `status`).
        case fetched
        /// 304 Not Modified: a visit with no new body.
        case notModified = "not_modified"
        /// Refused before fetching (robots.txt Disallow, host set aside).
        case skipped
        /// The transfer failed (DNS, connect, TLS, timeout, size cap, redirect loop…).
        case error
    }

    /// Unique id: `<fetched_at compact>-<first 12 hex of sha256(url)>`, stable once written.
    public var id: String
    public var url: String
    /// URL after redirects.
    public var finalURL: String?
    /// Every URL visited, in order, including `url` and `finalURL`.
    public var redirectChain: [String]
    public var status: Int?
    /// Response headers of the final hop, names lower-cased, in received order.
    public var headers: [HeaderField]
    /// ISO 8601 UTC with milliseconds, e.g. 2026-11-21T20:31:05.123Z.
    public var fetchedAt: String
    public var durationMs: Int?
    public var outcome: Outcome
    /// sha256 (hex) of the body in raw/; nil without a body.
    public var sha256: String?
    public var size: Int?
    /// From Content-Type, or sniffed.
    public var mediaType: String?
    /// File name from Content-Disposition (RFC 5987 / GBK decoded) or from the URL path.
    public var filename: String?
    public var error: String?
    /// Site id from config, or "manual" for `fetch` / `archive add`.
    public var site: String?
    /// Agency name when known (config, --agency).
    public var agency: String?
    /// list, detail, attachment, robots, manual.
    public var kind: String?
    /// The page this URL was found on.
    public var parent: String?
    /// True when TLS verification was off for this fetch (site opted out in config).
    public var insecureTLS: Bool?
    /// The site's `encoding` override from config, when set: the charset its pages really use,
    /// whatever their headers and `<meta>` say. Kept with the capture so that a rebuild decodes the
    /// body exactly as the crawl did.
    public var charsetOverride: String?

    public init(id: String, url: String, finalURL: String? = nil, redirectChain: [String] = [], status: Int? = nil,
                headers: [HeaderField] = [], fetchedAt: String, durationMs: Int? = nil, outcome: Outcome,
                sha256: String? = nil, size: Int? = nil, mediaType: String? = nil, filename: String? = nil,
                error: String? = nil, site: String? = nil, agency: String? = nil, kind: String? = nil,
                parent: String? = nil, insecureTLS: Bool? = nil) {
        self.id = id
        self.url = url
        self.finalURL = finalURL
        self.redirectChain = redirectChain
        self.status = status
        self.headers = headers
        self.fetchedAt = fetchedAt
        self.durationMs = durationMs
        self.outcome = outcome
        self.sha256 = sha256
        self.size = size
        self.mediaType = mediaType
        self.filename = filename
        self.error = error
        self.site = site
        self.agency = agency
        self.kind = kind
        self.parent = parent
        self.insecureTLS = insecureTLS
    }

    enum CodingKeys: String, CodingKey {
        case id, url
        case finalURL = "final_url"
        case redirectChain = "redirect_chain"
        case status, headers
        case fetchedAt = "fetched_at"
        case durationMs = "duration_ms"
        case outcome, sha256, size
        case mediaType = "media_type"
        case filename, error, site, agency, kind, parent
        case insecureTLS = "insecure_tls"
        case charsetOverride = "charset_override"
    }

    /// The Content-Type to decode the body with: the site's charset override when configured,
    /// else the response header, else the recorded media type.
    public var effectiveContentType: String? {
        if let charsetOverride { return "\(mediaType ?? "text/html"); charset=\(charsetOverride)" }
        return header("content-type") ?? mediaType
    }

    /// First value of a header (case-insensitive name).
    public func header(_ name: String) -> String? {
        let n = name.lowercased()
        return headers.first { $0.name == n }?.value
    }
}

public struct HeaderField: Codable, Sendable, Equatable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name.lowercased()
        self.value = value
    }
}

extension Capture {
    /// `<UTC yyyyMMdd'T'HHmmss.SSS>-<first 12 hex of sha256(url)>`: unique per URL and instant,
    /// sortable by time, and safe as a file or path component.
    public static func makeID(url: String, fetchedAt: String) -> String {
        let compact = fetchedAt.filter { $0.isNumber || $0 == "T" || $0 == "." }
        return "\(compact)-\(SHA256.hex(url).prefix(12))"
    }
}
