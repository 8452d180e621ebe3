import Foundation

/// A parsed robots.txt (RFC 9309) as it applies to one crawler: the rules of the groups whose
/// user-agent matches the product token (or of the `*` groups when none does), and Crawl-delay.
public struct RobotsTxt: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        public var allow: Bool
        /// Normalized path pattern (may contain `*` and a trailing `$`).
        public var pattern: String
    }

    public var rules: [Rule]
    /// Crawl-delay of the matching group(s) (non-standard; seconds, fractions allowed).
    public var crawlDelay: Duration?
    /// Sitemap URLs (they apply to every crawler).
    public var sitemaps: [String]

    /// Parse robots.txt text for the crawler whose product token is `userAgent` (case-insensitive).
    public init(parsing text: String, userAgent: String = "nianbao") {
        let token = userAgent.lowercased()
        var groups: [(agents: [String], rules: [Rule], delay: Duration?)] = []
        var sitemaps: [String] = []
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !lastWasAgent { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(Self.productToken(value))
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard !groups.isEmpty, !value.isEmpty else { continue }
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: Self.normalize(value)))
            case "crawl-delay":
                lastWasAgent = false
                guard !groups.isEmpty, let secs = Double(value), secs >= 0, secs.isFinite else { continue }
                groups[groups.count - 1].delay = .milliseconds(Int((min(secs, 86_400) * 1000).rounded()))
            case "sitemap":
                sitemaps.append(value)
            default:
                continue
            }
        }
        var chosen = groups.filter { $0.agents.contains(token) }
        if chosen.isEmpty { chosen = groups.filter { $0.agents.contains("*") } }
        rules = chosen.flatMap(\.rules)
        crawlDelay = chosen.compactMap(\.delay).max()
        self.sitemaps = sitemaps
    }

    /// Everything allowed (robots.txt missing: 4xx).
    public static let allowAll = RobotsTxt(rules: [], crawlDelay: nil, sitemaps: [])

    init(rules: [Rule], crawlDelay: Duration?, sitemaps: [String]) {
        self.rules = rules
        self.crawlDelay = crawlDelay
        self.sitemaps = sitemaps
    }

    /// Whether a URL path (with its query, e.g. "/a/b?c=d") may be fetched: the longest matching
    /// rule wins, Allow wins a tie, no match means allowed; /robots.txt itself is always allowed.
    public func allows(_ pathAndQuery: String) -> Bool {
        let path = Self.normalize(pathAndQuery.isEmpty ? "/" : pathAndQuery)
        if path == "/robots.txt" { return true }
        var best: (length: Int, allow: Bool)?
        for rule in rules where Self.matches(pattern: Array(rule.pattern.utf8), path: Array(path.utf8)) {
            let length = rule.pattern.utf8.count
            if let b = best {
                if length > b.length || (length == b.length && rule.allow && !b.allow) { best = (length, rule.allow) }
            } else {
                best = (length, rule.allow)
            }
        }
        return best?.allow ?? true
    }

    /// The product token of a user-agent line: its leading [A-Za-z_-] run, lower-cased ("*" stays "*").
    static func productToken(_ value: String) -> String {
        if value.hasPrefix("*") { return "*" }
        return String(value.prefix { $0.isASCII && ($0.isLetter || $0 == "_" || $0 == "-") }).lowercased()
    }

    /// `*` matches any run of bytes; a trailing `$` anchors the end; otherwise a prefix match.
    static func matches(pattern: [UInt8], path: [UInt8]) -> Bool {
        var pat = pattern[...]
        var anchored = false
        if pat.last == UInt8(ascii: "$") { anchored = true; pat = pat.dropLast() }
        let p = Array(pat)
        var pi = 0, si = 0
        var starP = -1, starS = 0
        while si < path.count {
            if pi < p.count, p[pi] == UInt8(ascii: "*") {
                starP = pi; starS = si; pi += 1
            } else if pi < p.count, p[pi] == path[si] {
                pi += 1; si += 1
            } else if pi == p.count, !anchored {
                return true
            } else if starP >= 0 {
                pi = starP + 1; starS += 1; si = starS
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }

    /// RFC 9309 §2.2.2: percent-encode non-ASCII bytes, upper-case existing escapes, and decode
    /// escapes of unreserved characters, so rules and paths compare octet by octet.
    static func normalize(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var out = ""
        var i = 0
        let hexDigits = Array("0123456789ABCDEF")
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), i + 2 < bytes.count,
               let v = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                let c = Character(Unicode.Scalar(v))
                if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) {
                    out.append(c)
                } else {
                    out.append("%"); out.append(hexDigits[Int(v >> 4)]); out.append(hexDigits[Int(v & 15)])
                }
                i += 3
            } else if b >= 0x80 || b < 0x21 {
                out.append("%"); out.append(hexDigits[Int(b >> 4)]); out.append(hexDigits[Int(b & 15)])
                i += 1
            } else {
                out.append(Character(Unicode.Scalar(b)))
                i += 1
            }
        }
        return out
    }
}
