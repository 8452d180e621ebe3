import Foundation

/// One portal to crawl, as configured in Config/sites.yaml (after defaults are applied).
public struct SiteConfig: Sendable, Equatable {
    /// Short stable id (letters, digits, `-`, `_`): used in captures, report paths and `--site`.
    public var id: String
    /// The agency's name; nil means "from page" (the parser reads it from the report).
    public var agency: String?
    public var region: String?
    /// 省级 / 市级 / 县级 / 部门… free text.
    public var level: String?
    /// List pages of the annual-report column.
    public var startURLs: [String]
    /// Hosts the crawl may visit (default: the hosts of the start URLs).
    public var allowedHosts: [String]
    /// How links are classified (defaults plus per-site additions).
    public var rules: LinkRules
    /// Upper bound on list pages visited per run.
    public var maxListPages: Int
    /// Minimum seconds between two requests to one host (Crawl-delay may raise it).
    public var delay: Double
    /// Charset override for pages whose headers and meta lie ("GBK", "UTF-8"…).
    public var encoding: String?
    /// TLS verification off for this site (logged on every fetch).
    public var insecureTLS: Bool
    /// Accept old TLS set-ups OpenSSL 3 refuses by default (SECLEVEL=1); verification unchanged.
    public var legacyTLS: Bool
    /// Download size cap in bytes.
    public var maxBytes: Int
    /// False to keep a site in the file without crawling it.
    public var enabled: Bool
    /// Line of the site's entry in the config file (for messages).
    public var line: Int?

    public init(id: String, agency: String? = nil, region: String? = nil, level: String? = nil,
                startURLs: [String], allowedHosts: [String] = [], rules: LinkRules = .defaults,
                maxListPages: Int = 20, delay: Double = 2, encoding: String? = nil, insecureTLS: Bool = false, legacyTLS: Bool = false,
                maxBytes: Int = 50 << 20, enabled: Bool = true, line: Int? = nil) {
        self.id = id
        self.agency = agency
        self.region = region
        self.level = level
        self.startURLs = startURLs
        self.allowedHosts = allowedHosts.isEmpty
            ? Array(Set(startURLs.compactMap { URL(string: $0)?.host?.lowercased() })).sorted()
            : allowedHosts.map { $0.lowercased() }
        self.rules = rules
        self.maxListPages = maxListPages
        self.delay = delay
        self.encoding = encoding
        self.insecureTLS = insecureTLS
        self.legacyTLS = legacyTLS
        self.maxBytes = maxBytes
        self.enabled = enabled
        self.line = line
    }

    /// True when `url` is on one of the allowed hosts (a leading `*.` allows subdomains; `*` any host).
    public func allows(_ url: String) -> Bool {
        guard let host = URL(string: url)?.host?.lowercased() else { return false }
        return allowedHosts.contains { pattern in
            if pattern == "*" { return true }
            if pattern.hasPrefix("*.") {
                let suffix = String(pattern.dropFirst(1))
                return host.hasSuffix(suffix) || host == String(pattern.dropFirst(2))
            }
            return host == pattern
        }
    }
}

/// The `defaults:` section of Config/sites.yaml.
public struct CrawlDefaults: Sendable, Equatable {
    /// Contact (e-mail or URL) put in the User-Agent so site operators can reach whoever runs the crawl.
    public var contact: String
    /// Archive root (relative paths are relative to the current directory).
    public var archive: String
    public var delay: Double
    public var maxBytes: Int
    public var maxListPages: Int
    public var connectTimeout: Double
    public var totalTimeout: Double
    public var maxAttempts: Int
    /// How many sites are crawled at once (each host still gets one connection and its delay).
    public var concurrentSites: Int
    /// First retry wait in seconds (doubling per retry, with jitter; Retry-After wins when longer).
    public var retryBaseDelay: Double

    public init(contact: String = "https://github.com/nianbao/nianbao", archive: String = "Archive", delay: Double = 2,
                maxBytes: Int = 50 << 20, maxListPages: Int = 20, connectTimeout: Double = 15,
                totalTimeout: Double = 120, maxAttempts: Int = 4, concurrentSites: Int = 64, retryBaseDelay: Double = 1) {
        self.contact = contact
        self.archive = archive
        self.delay = delay
        self.maxBytes = maxBytes
        self.maxListPages = maxListPages
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxAttempts = maxAttempts
        self.concurrentSites = concurrentSites
        self.retryBaseDelay = retryBaseDelay
    }
}

/// A whole sites file: defaults and sites, in file order.
public struct SitesFile: Sendable, Equatable {
    public var defaults: CrawlDefaults
    public var sites: [SiteConfig]

    public init(defaults: CrawlDefaults = CrawlDefaults(), sites: [SiteConfig] = []) {
        self.defaults = defaults
        self.sites = sites
    }

    /// The sites to crawl: enabled ones, or exactly those named (unknown names are an error).
    public func selecting(_ ids: [String]) throws -> [SiteConfig] {
        if ids.isEmpty { return sites.filter(\.enabled) }
        let unknown = ids.filter { id in !sites.contains { $0.id == id } }
        if !unknown.isEmpty {
            throw ConfigError(file: nil, line: nil, message: "unknown site id(s): \(unknown.joined(separator: ", "))")
        }
        return sites.filter { ids.contains($0.id) }
    }
}

/// A problem in the sites file, with its line number when known.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String?, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        var where_ = file ?? "sites file"
        if let line { where_ += ":\(line)" }
        return "\(where_): \(message)"
    }
}

/// All problems found in one file (validation goes on after the first).
public struct ConfigErrors: Error, CustomStringConvertible, Sendable {
    public var errors: [ConfigError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
