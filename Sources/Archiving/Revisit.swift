import Foundation
import GRDB
import NianbaoCore

/// An unchanged re-visit (a 304, or a re-fetch with the same sha256): only last-seen moves.
extension Archive {
    /// Notes that `capture` saw the body `bodySHA256` again at the URL it came from: a `not_modified`
    /// capture (the URL's last body is `bodySHA256`), or a `fetched` capture whose sha256 equals it.
    ///
    /// Every report whose current version came from that URL and body gets its `last_seen` moved to
    /// the capture's `fetched_at` (only forward), its record file rewritten atomically and its index
    /// rows replaced — what `rebuild` does when it replays such a capture, so an incrementally
    /// built archive and its rebuild agree, without parsing the body again.
    /// Returns the report ids whose last-seen moved. Other captures are ignored (returns []).
    @discardableResult
    public func noteRevisit(capture: Capture, bodySHA256 sha: String) throws -> [String] {
        switch capture.outcome {
        case .notModified: break
        case .fetched where capture.sha256 == sha && (200..<300).contains(capture.status ?? 200): break
        default: return []
        }
        mutex.lock()
        defer { mutex.unlock() }
        var moved: [String] = []
        for key in try revisitCandidates(url: capture.url, sha256: sha) {
            var versions = try ReportFiles.loadVersions(key, reportsDir: reportsDirectory)
            guard var last = versions.last, last.record.source.url == capture.url, last.record.source.sha256 == sha,
                  var info = last.record.archive, capture.fetchedAt > info.lastSeen else { continue }
            info.lastSeen = capture.fetchedAt
            last.record.archive = info
            versions[versions.count - 1] = last
            try ReportFiles.write(last, reportsDir: reportsDirectory, durable: durable)
            try? indexStoreLocked()?.replaceReport(key, versions: versions)
            moved.append(key.reportID)
        }
        return moved
    }

    /// Reports whose current version's source is (url, sha256): from the index, or by reading
    /// reports/ when the index cannot be opened (caller holds `mutex`).
    private func revisitCandidates(url: String, sha256: String) throws -> [ReportKey] {
        if let index = try? indexStoreLocked() {
            let ids = try index.queue.read { db in
                try String.fetchAll(db, sql: "SELECT report_id FROM reports WHERE is_current = 1 AND url = ? AND sha256 = ? ORDER BY report_id",
                                    arguments: [url, sha256])
            }
            return ids.compactMap(ReportKey.init(reportID:))
        }
        let all = ReportFiles.loadAll(reportsDir: reportsDirectory).reports
        return all.keys.sorted().filter { key in
            guard let last = all[key]?.last else { return false }
            return last.record.source.url == url && last.record.source.sha256 == sha256
        }
    }
}
