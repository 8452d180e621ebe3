import Archiving
import Crawling
import Foundation
import NianbaoCore

/// The Archive as the crawler's store. The captures log is read once at the start of a run into
/// a table of each URL's last capture with a body (for validators and 304s), then kept current.
public final class CrawlArchiveStore: CrawlStore, @unchecked Sendable {
    public let archive: Archive
    private let lock = NSLock()
    private var last: [String: Capture] = [:]

    public init(archive: Archive) throws {
        self.archive = archive
        for c in try archive.captures() { note(c) }
    }

    private func note(_ c: Capture) {
        guard c.outcome == .fetched, c.sha256 != nil, let s = c.status, (200..<300).contains(s) else { return }
        last[c.url] = c
    }

    public func lastBodyCapture(url: String) -> Capture? {
        lock.withLock { last[url] }
    }

    public func rawFile(sha256: String) -> URL? {
        let u = archive.rawURL(sha256: sha256)
        return FileManager.default.fileExists(atPath: u.path) ? u : nil
    }

    public func storeBody(movingFile file: URL, sha256: String) throws {
        _ = try archive.storeRaw(movingFile: file, sha256: sha256)
    }

    public func appendCapture(_ capture: Capture) throws {
        try archive.appendCapture(capture)
        lock.withLock { note(capture) }
    }
}
