import Foundation
import NianbaoCore

/// The outcome of one `Fetcher.fetch`: what was asked, where it ended, and the body on disk.
public struct FetchResult: Sendable {
    public var url: String
    /// URL of the last hop (after redirects); nil when nothing was requested.
    public var finalURL: String?
    /// Every URL requested in order, starting with `url` (empty when skipped before any request).
    public var redirectChain: [String]
    /// HTTP status of the last response received.
    public var status: Int?
    /// Headers of the final hop, names lower-cased, in received order.
    public var headers: [HeaderField]
    /// A complete temp file in the fetcher's body directory; the caller moves it (e.g. into raw/)
    /// or deletes it. nil on error, skip and 304.
    public var bodyFile: URL?
    /// sha256 (hex) of the body, hashed while streaming.
    public var sha256: String?
    /// Body size in bytes (0 without a body).
    public var size: Int
    /// When the first request went on the wire (after robots.txt and the host's queue and delay),
    /// so captures of one host are spaced by at least its delay; for a skip, when `fetch` was called.
    public var startedAt: Date
    /// From `startedAt` to the end (all hops and retries).
    public var duration: Duration
    /// Attempts spent on the final hop (1 when the first try succeeded; 0 when skipped).
    public var attempts: Int
    public var outcome: Capture.Outcome
    /// Human-readable reason for `.error` and `.skipped` (see the fetcher note for the list).
    public var error: String?
    /// From Content-Disposition (RFC 6266 / 5987 `filename*`, raw UTF-8 or GBK bytes in `filename=`),
    /// else the last path component of the final URL.
    public var filename: String?
    /// TLS verification was off for this fetch.
    public var insecureTLS: Bool

    public init(url: String, finalURL: String? = nil, redirectChain: [String] = [], status: Int? = nil,
                headers: [HeaderField] = [], bodyFile: URL? = nil, sha256: String? = nil, size: Int = 0,
                startedAt: Date, duration: Duration = .zero, attempts: Int = 0, outcome: Capture.Outcome,
                error: String? = nil, filename: String? = nil, insecureTLS: Bool = false) {
        self.url = url
        self.finalURL = finalURL
        self.redirectChain = redirectChain
        self.status = status
        self.headers = headers
        self.bodyFile = bodyFile
        self.sha256 = sha256
        self.size = size
        self.startedAt = startedAt
        self.duration = duration
        self.attempts = attempts
        self.outcome = outcome
        self.error = error
        self.filename = filename
        self.insecureTLS = insecureTLS
    }

    /// First value of a response header (case-insensitive name).
    public func header(_ name: String) -> String? {
        let n = name.lowercased()
        return headers.first { $0.name == n }?.value
    }

    /// The media type from Content-Type, lower-cased, without parameters.
    public var mediaType: String? {
        guard let ct = header("content-type") else { return nil }
        let t = ct.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ct
        let trimmed = t.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The captures-log line for this fetch.
    public func capture(site: String?, agency: String?, kind: String?, parent: String?) -> Capture {
        let fetchedAt = Timestamps.iso(startedAt)
        let ms = Int(duration.components.seconds * 1000) + Int(duration.components.attoseconds / 1_000_000_000_000_000)
        return Capture(id: Capture.makeID(url: url, fetchedAt: fetchedAt), url: url, finalURL: finalURL,
                       redirectChain: redirectChain, status: status, headers: headers, fetchedAt: fetchedAt,
                       durationMs: ms, outcome: outcome, sha256: sha256,
                       size: outcome == .fetched ? size : nil, mediaType: mediaType, filename: filename,
                       error: error, site: site, agency: agency, kind: kind, parent: parent,
                       insecureTLS: insecureTLS ? true : nil)
    }
}
