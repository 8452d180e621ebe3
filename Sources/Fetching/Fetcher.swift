import Foundation
import Logging
import NianbaoCore

/// Stage 1: URL + site policy in, body streamed to a file out.
///
/// One `Fetcher` serves a whole run. It owns a libcurl multi handle on a dedicated thread, caches
/// robots.txt per origin, serializes and spaces requests per host, follows redirects hop by hop,
/// retries with backoff and sets aside hosts that keep failing. `fetch` never throws: every failure
/// is a `FetchResult` with a reason in `error`.
public final class Fetcher: Sendable {
    public let userAgent: String
    public let bodyDirectory: URL
    let logger: Logger
    let client: CurlMultiClient
    let scheduler = HostScheduler()
    let robots = RobotsCache()

    /// - Parameters:
    ///   - userAgent: sent on every request; build it with `Fetcher.userAgent(contact:)`.
    ///   - bodyDirectory: where body temp files are created (created if missing). Put it on the same
    ///     file system as the archive's raw/ so the caller can rename bodies in.
    public init(userAgent: String, bodyDirectory: URL, logger: Logger = Logger(label: "nianbao.fetch")) {
        self.userAgent = userAgent
        self.bodyDirectory = bodyDirectory
        self.logger = logger
        try? FileManager.default.createDirectory(at: bodyDirectory, withIntermediateDirectories: true)
        client = CurlMultiClient()
    }

    deinit { client.shutdown() }

    /// Fetch one URL: robots.txt, per-host delay and connection cap, redirects (each hop checked
    /// again), retries with backoff, set-aside hosts. Never throws.
    ///
    /// Outcomes: `.fetched` when a final response arrived (any status; for status ≥ 400 `error` says
    /// e.g. "HTTP 404"), `.notModified` for 304, `.skipped` when robots.txt or a set-aside host refused
    /// the request before it was sent, `.error` when the transfer failed.
    public func fetch(_ request: FetchRequest) async -> FetchResult {
        let policy = request.policy
        var result = FetchResult(url: request.url, startedAt: Date(), outcome: .error, insecureTLS: policy.insecureTLS)
        var firstSent: (date: Date, instant: ContinuousClock.Instant)?
        let called = ContinuousClock.now
        func finish(_ outcome: Capture.Outcome, _ error: String?) -> FetchResult {
            result.outcome = outcome
            result.error = error
            if let firstSent { result.startedAt = firstSent.date }
            result.duration = ContinuousClock.now - (firstSent?.instant ?? called)
            if outcome == .error || outcome == .skipped {
                logger.info("fetch \(outcome.rawValue)", metadata: ["url": "\(request.url)", "reason": "\(error ?? "")"])
            }
            return result
        }
        if policy.insecureTLS {
            logger.warning("TLS verification is off for this fetch (site opted out)", metadata: ["url": "\(request.url)"])
        }
        var headerLines = request.extraHeaders.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        if let etag = request.ifNoneMatch { headerLines.append("If-None-Match: \(etag)") }
        if let date = request.ifModifiedSince { headerLines.append("If-Modified-Since: \(date)") }

        var url = request.url
        while true {
            guard let target = URLTarget(url) else {
                return finish(.error, "unsupported or malformed URL (only http and https): \(url)")
            }
            if let reason = await scheduler.setAsideReason(target.hostKey) {
                return finish(result.redirectChain.isEmpty ? .skipped : .error, reason)
            }
            var delay = policy.minDelay
            if policy.obeyRobots {
                switch await robotsVerdict(for: target, policy: policy) {
                case .unreachable(let reason):
                    return finish(result.redirectChain.isEmpty ? .skipped : .error, reason)
                case .rules(let rules):
                    if !rules.allows(target.pathAndQuery) {
                        return finish(result.redirectChain.isEmpty ? .skipped : .error,
                                      "robots.txt disallows \(target.pathAndQuery)")
                    }
                    if let cd = rules.crawlDelay, cd > policy.maxCrawlDelay {
                        return finish(result.redirectChain.isEmpty ? .skipped : .error,
                                      "robots.txt Crawl-delay \(FetchFormat.seconds(cd)) exceeds the "
                                      + "\(FetchFormat.seconds(policy.maxCrawlDelay)) limit of this crawl")
                    }
                    if let cd = rules.crawlDelay, cd > delay { delay = cd }
                }
            }
            result.redirectChain.append(url)
            result.finalURL = url
            let spec = TransferSpec(url: url, userAgent: userAgent, headerLines: headerLines, policy: policy,
                                    bodyDirectory: bodyDirectory)
            let hop = await performWithRetries(spec, target: target, delay: delay, firstSent: &firstSent)
            result.attempts = hop.attempts
            result.status = hop.outcome.status
            result.headers = hop.outcome.headers
            if let failure = hop.failure {
                return finish(.error, failure)
            }
            let o = hop.outcome
            if let status = o.status, [301, 302, 303, 307, 308].contains(status), let next = o.redirectURL {
                discard(o.bodyFile)
                // A hop that sets a cookie may send us back to where we were (a cookie gate):
                // that is a loop only when no cookie changed; maxRedirects still bounds it.
                let setsCookie = o.headers.contains { $0.name == "set-cookie" }
                if !setsCookie, let i = result.redirectChain.firstIndex(of: next) {
                    let loop = (result.redirectChain[i...] + [next]).joined(separator: " → ")
                    return finish(.error, "redirect loop: \(loop)")
                }
                if result.redirectChain.count > policy.maxRedirects {
                    let chain = (result.redirectChain + [next]).joined(separator: " → ")
                    return finish(.error, "more than \(policy.maxRedirects) redirects: \(chain)")
                }
                url = next
                continue
            }
            if o.status == 304 {
                discard(o.bodyFile)
                return finish(.notModified, nil)
            }
            result.bodyFile = o.bodyFile
            result.sha256 = o.sha256
            result.size = o.size
            result.filename = result.header("content-disposition").flatMap { ContentDisposition.filename($0) }
                ?? ContentDisposition.filename(fromURL: url)
            var note = hop.statusNote
            if note == nil, let status = o.status, status >= 400 {
                note = "HTTP \(status)" + (hop.attempts > 1 ? " after \(hop.attempts) attempts" : "")
            }
            return finish(.fetched, note)
        }
    }

    /// Stop the transfer thread; pending and later fetches end with "fetcher shut down".
    public func shutdown() { client.shutdown() }

    /// `nianbao/<version> (+<contact>)`, or `nianbao/<version>` without a contact.
    public static func userAgent(contact: String?) -> String {
        let base = "nianbao/\(NianbaoVersion.string)"
        guard let c = contact?.trimmingCharacters(in: .whitespacesAndNewlines), !c.isEmpty else { return base }
        return "\(base) (+\(c))"
    }

    /// Delete body temp files (`.fetch-*.part`) that a killed run left in `directory`; returns how
    /// many were removed. Call at the start of a run, before any fetch, with the body directory.
    /// A running fetcher never leaves one behind: failed transfers delete theirs at once.
    @discardableResult
    public static func removeLeftoverBodies(in directory: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var removed = 0
        for name in names where name.hasPrefix(".fetch-") && name.hasSuffix(".part") {
            if unlink(directory.appendingPathComponent(name).path) == 0 { removed += 1 }
        }
        return removed
    }

    func discard(_ file: URL?) {
        if let file { unlink(file.path) }
    }
}
