import Foundation

/// robots.txt verdicts per origin (scheme://host:port), fetched once per run; concurrent requests
/// for the same origin share one fetch.
actor RobotsCache {
    enum Verdict: Sendable, Equatable {
        /// robots.txt was fetched and parsed (or is missing: allow all).
        case rules(RobotsTxt)
        /// robots.txt unreachable (5xx or network error): complete disallow for the run (RFC 9309 §2.3.1.3).
        case unreachable(String)
    }

    private var entries: [String: Task<Verdict, Never>] = [:]

    func verdict(origin: String, load: @escaping @Sendable () async -> Verdict) async -> Verdict {
        if let t = entries[origin] { return await t.value }
        let t = Task { await load() }
        entries[origin] = t
        return await t.value
    }
}
