import Foundation
import Logging

extension Fetcher {
    /// The robots.txt verdict for a URL's origin, fetched once per run through the same client,
    /// scheduler and retries as pages. 2xx: parsed (first 500 KiB); 4xx or too many redirects:
    /// allow all; 5xx or unreachable: disallow all for the run (RFC 9309 §2.3.1).
    func robotsVerdict(for target: URLTarget, policy: FetchPolicy) async -> RobotsCache.Verdict {
        await robots.verdict(origin: target.origin) { [self] in
            await loadRobots(target, policy: policy)
        }
    }

    private func loadRobots(_ target: URLTarget, policy: FetchPolicy) async -> RobotsCache.Verdict {
        var url = target.robotsURL
        var seen: [String] = []
        for _ in 0...5 {
            guard let hopTarget = URLTarget(url) else { return .rules(.allowAll) }
            seen.append(url)
            let spec = TransferSpec(url: url, userAgent: userAgent, headerLines: [], policy: policy,
                                    bodyDirectory: bodyDirectory)
            var sent: (date: Date, instant: ContinuousClock.Instant)?
            let hop = await performWithRetries(spec, target: hopTarget, delay: .zero, firstSent: &sent)
            let o = hop.outcome
            if let failure = hop.failure {
                return unreachable(target, "robots.txt unreachable (\(failure)): \(target.hostKey) treated as disallowed for this run")
            }
            guard let status = o.status else { return unreachable(target, "robots.txt: no response") }
            defer { discard(o.bodyFile) }
            switch status {
            case 200..<300:
                let text = o.bodyFile.flatMap { file -> String? in
                    guard let h = try? FileHandle(forReadingFrom: file) else { return nil }
                    defer { try? h.close() }
                    let data = (try? h.read(upToCount: 500 << 10)) ?? Data()
                    return String(decoding: data, as: UTF8.self)
                } ?? ""
                let parsed = RobotsTxt(parsing: text, userAgent: "nianbao")
                logger.debug("robots.txt", metadata: ["origin": "\(target.origin)", "rules": "\(parsed.rules.count)",
                                                      "crawl_delay": "\(parsed.crawlDelay.map(FetchFormat.seconds) ?? "-")"])
                return .rules(parsed)
            case 300..<400:
                guard let next = o.redirectURL, !seen.contains(next) else { return .rules(.allowAll) }
                url = next
            case 400..<500:
                return .rules(.allowAll)
            default:
                return unreachable(target, "robots.txt unavailable (HTTP \(status)): \(target.hostKey) treated as disallowed for this run")
            }
        }
        return .rules(.allowAll)
    }

    private func unreachable(_ target: URLTarget, _ reason: String) -> RobotsCache.Verdict {
        logger.warning("\(reason)")
        return .unreachable(reason)
    }
}
