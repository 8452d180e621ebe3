import Foundation
import Logging
import NianbaoCore

/// Stage 1: URL + site policy in, body streamed to a file out.
///
/// One `Fetcher` serves a whole run. It owns a libcurl multi handle on a dedicated thread, caches
/// robots.txt per host, serializes and spaces requests per host, retries with backoff and sets
/// aside hosts that keep failing. `fetch` never throws: every failure is a `FetchResult` with a reason.
public final class Fetcher: Sendable {
    public let userAgent: String
    public let bodyDirectory: URL
    let logger: Logger

    /// - Parameters:
    ///   - userAgent: sent on every request; build it with `Fetcher.userAgent(contact:)`.
    ///   - bodyDirectory: where body temp files are created (same file system as the archive's raw/,
    ///     so the caller can rename them in).
    public init(userAgent: String, bodyDirectory: URL, logger: Logger = Logger(label: "nianbao.fetch")) {
        self.userAgent = userAgent
        self.bodyDirectory = bodyDirectory
        self.logger = logger
    }

    /// Fetch one URL: robots, per-host delay and connection cap, redirects, retries, set-aside.
    public func fetch(_ request: FetchRequest) async -> FetchResult {
        FetchResult(url: request.url, startedAt: Date(), outcome: .error, error: "not implemented yet",
                    insecureTLS: request.policy.insecureTLS)
    }

    /// Stop the transfer thread; pending and later fetches fail with "fetcher shut down".
    public func shutdown() {}

    /// `nianbao/<version> (+<contact>)`, or `nianbao/<version>` without a contact.
    public static func userAgent(contact: String?) -> String {
        let base = "nianbao/\(NianbaoVersion.string)"
        guard let c = contact?.trimmingCharacters(in: .whitespacesAndNewlines), !c.isEmpty else { return base }
        return "\(base) (+\(c))"
    }
}
