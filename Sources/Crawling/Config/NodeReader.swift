import Foundation
import Yams

/// Walks the YAML node tree of a sites file, collecting errors with line numbers instead of stopping.
struct NodeReader {
    let file: String?
    var errors: [ConfigError] = []

    init(file: String?) { self.file = file }

    mutating func error(_ node: Node, _ message: String) {
        errors.append(ConfigError(file: file, line: node.mark?.line, message: message))
    }

    mutating func checkKeys(_ map: Node.Mapping, allowed: Set<String>, context: String) {
        for (k, _) in map {
            guard let key = k.string else { error(k, "\(context): keys must be strings"); continue }
            if !allowed.contains(key) {
                error(k, "\(context): unknown key `\(key)` (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }

    mutating func string(_ map: Node.Mapping, _ key: String, context: String) -> String? {
        guard let n = map[key] else { return nil }
        guard let s = n.scalar?.string, n.scalar != nil else { error(n, "\(context): `\(key)` must be a string"); return nil }
        return s
    }

    mutating func strings(_ map: Node.Mapping, _ key: String, context: String) -> [String]? {
        guard let n = map[key] else { return nil }
        if let s = n.scalar?.string { return [s] }
        guard let seq = n.sequence else { error(n, "\(context): `\(key)` must be a list of strings"); return nil }
        var out: [String] = []
        for item in seq {
            if let s = item.scalar?.string { out.append(s) } else { error(item, "\(context): `\(key)` items must be strings") }
        }
        return out
    }

    mutating func number(_ map: Node.Mapping, _ key: String, context: String, min: Double) -> Double? {
        guard let n = map[key] else { return nil }
        guard let v = n.float ?? n.int.map(Double.init), v >= min else {
            error(n, "\(context): `\(key)` must be a number ≥ \(min)"); return nil
        }
        return v
    }

    mutating func integer(_ map: Node.Mapping, _ key: String, context: String, min: Int) -> Int? {
        guard let n = map[key] else { return nil }
        guard let v = n.int, v >= min else { error(n, "\(context): `\(key)` must be an integer ≥ \(min)"); return nil }
        return v
    }

    mutating func bool(_ map: Node.Mapping, _ key: String, context: String) -> Bool? {
        guard let n = map[key] else { return nil }
        guard let v = n.bool else { error(n, "\(context): `\(key)` must be true or false"); return nil }
        return v
    }

    /// Sizes as bytes (52428800) or with a unit: 50MB, 512KB, 1GB.
    mutating func size(_ map: Node.Mapping, _ key: String, context: String) -> Int? {
        guard let n = map[key] else { return nil }
        if let v = n.int, v > 0 { return v }
        if let s = n.scalar?.string.uppercased().replacingOccurrences(of: " ", with: "") {
            let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)]
            for (u, m) in units where s.hasSuffix(u) {
                if let v = Double(s.dropLast(u.count)), v > 0 { return Int(v * Double(m)) }
            }
        }
        error(n, "\(context): `\(key)` must be a size such as 52428800 or 50MB")
        return nil
    }

    mutating func defaults(_ node: Node) -> CrawlDefaults {
        var d = CrawlDefaults()
        guard let map = node.mapping else { error(node, "`defaults` must be a mapping"); return d }
        let ctx = "defaults"
        checkKeys(map, allowed: ["contact", "archive", "delay", "max_bytes", "max_list_pages", "connect_timeout",
                                 "total_timeout", "max_attempts", "concurrent_sites", "retry_base_delay"], context: ctx)
        if let v = string(map, "contact", context: ctx) {
            if v.trimmingCharacters(in: .whitespaces).isEmpty { error(map["contact"]!, "defaults: `contact` must not be empty") }
            d.contact = v
        }
        if let v = string(map, "archive", context: ctx) { d.archive = v }
        if let v = number(map, "delay", context: ctx, min: 0) { d.delay = v }
        if let v = size(map, "max_bytes", context: ctx) { d.maxBytes = v }
        if let v = integer(map, "max_list_pages", context: ctx, min: 1) { d.maxListPages = v }
        if let v = number(map, "connect_timeout", context: ctx, min: 0.1) { d.connectTimeout = v }
        if let v = number(map, "total_timeout", context: ctx, min: 0.1) { d.totalTimeout = v }
        if let v = integer(map, "max_attempts", context: ctx, min: 1) { d.maxAttempts = v }
        if let v = integer(map, "concurrent_sites", context: ctx, min: 1) { d.concurrentSites = v }
        if let v = number(map, "retry_base_delay", context: ctx, min: 0) { d.retryBaseDelay = v }
        return d
    }

    static let siteKeys: Set<String> = [
        "id", "agency", "region", "level", "start_urls", "allowed_hosts", "include", "exclude", "url_include",
        "url_exclude", "replace_default_patterns", "max_list_pages", "delay", "encoding", "insecure_tls", "legacy_tls", "max_bytes",
        "enabled",
    ]

    mutating func site(_ node: Node, defaults: CrawlDefaults) -> SiteConfig? {
        guard let map = node.mapping else { error(node, "each site must be a mapping"); return nil }
        let before = errors.count
        guard let id = string(map, "id", context: "site"), !id.isEmpty else {
            error(node, "site: missing `id`"); return nil
        }
        let ctx = "site \(id)"
        checkKeys(map, allowed: Self.siteKeys, context: ctx)
        if id.range(of: "^[A-Za-z0-9][A-Za-z0-9_.-]*$", options: .regularExpression) == nil {
            error(map["id"]!, "\(ctx): `id` may hold only letters, digits, `-`, `_` and `.`")
        }
        let starts = strings(map, "start_urls", context: ctx) ?? []
        if starts.isEmpty { error(map["start_urls"] ?? node, "\(ctx): `start_urls` must list at least one URL") }
        for (i, u) in starts.enumerated() {
            let scheme = URL(string: u)?.scheme?.lowercased()
            if scheme != "http" && scheme != "https" || URL(string: u)?.host == nil {
                let n = map["start_urls"]?.sequence.map { Array($0) }?[safe: i] ?? map["start_urls"]!
                error(n, "\(ctx): start URL \"\(u)\" is not an absolute http(s) URL")
            }
        }
        var agency = string(map, "agency", context: ctx)
        if agency == "from page" || agency?.isEmpty == true { agency = nil }
        let rules = LinkRules.defaults.adding(
            include: strings(map, "include", context: ctx) ?? [], exclude: strings(map, "exclude", context: ctx) ?? [],
            urlInclude: strings(map, "url_include", context: ctx) ?? [],
            urlExclude: strings(map, "url_exclude", context: ctx) ?? [],
            replaceDefaults: bool(map, "replace_default_patterns", context: ctx) ?? false)
        for bad in rules.invalidPatterns() {
            error(node, "\(ctx): pattern \"\(bad.pattern)\" is \(bad.reason)")
        }
        if rules.include.isEmpty && rules.urlInclude.isEmpty {
            error(node, "\(ctx): no include pattern left (replace_default_patterns without include/url_include)")
        }
        let encoding = string(map, "encoding", context: ctx)
        if let e = encoding, !Self.knownEncodings.contains(e.uppercased()) {
            error(map["encoding"]!, "\(ctx): unknown encoding \"\(e)\" (use one of \(Self.knownEncodings.sorted().joined(separator: ", ")))")
        }
        let site = SiteConfig(
            id: id, agency: agency, region: string(map, "region", context: ctx), level: string(map, "level", context: ctx),
            startURLs: starts, allowedHosts: strings(map, "allowed_hosts", context: ctx) ?? [], rules: rules,
            maxListPages: integer(map, "max_list_pages", context: ctx, min: 1) ?? defaults.maxListPages,
            delay: number(map, "delay", context: ctx, min: 0) ?? defaults.delay,
            encoding: encoding?.uppercased(),
            insecureTLS: bool(map, "insecure_tls", context: ctx) ?? false,
            legacyTLS: bool(map, "legacy_tls", context: ctx) ?? false,
            maxBytes: size(map, "max_bytes", context: ctx) ?? defaults.maxBytes,
            enabled: bool(map, "enabled", context: ctx) ?? true,
            line: node.mark?.line)
        return errors.count == before ? site : nil
    }

    static let knownEncodings: Set<String> = ["UTF-8", "GBK", "GB2312", "GB18030", "BIG5"]
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
