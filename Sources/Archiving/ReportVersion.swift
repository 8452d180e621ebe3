import Foundation
import NianbaoCore

/// One version of a report as the archive keeps it: the record (with `archive` set) and its text.
public struct ReportVersion: Sendable, Equatable {
    public var key: ReportKey
    public var record: ReportRecord
    public var text: String

    public var version: Int { record.archive?.version ?? 0 }
}

/// The versioning rule shared by `store` (one capture at a time) and `rebuild` (all captures).
public enum Versioning {
    /// What decides "different content": the record without its source, archive facts and
    /// cross-year findings, as stable JSON, hashed.
    public static func fingerprint(_ record: ReportRecord) -> String {
        var r = CrossYearChecks.stripped(record)
        r.source = SourceInfo()
        r.archive = nil
        return SHA256.hex((try? StableJSON.data(r)) ?? Data())
    }

    /// The record's source facts filled from its capture (relative raw path, so archives can move).
    public static func stamp(_ record: ReportRecord, capture: Capture) -> ReportRecord {
        var r = record
        if let agency = capture.agency { r.agency = agency }
        r.source.url = capture.url
        r.source.sha256 = capture.sha256
        r.source.fetchedAt = capture.fetchedAt
        r.source.captureID = capture.id
        r.source.site = capture.site ?? r.source.site ?? "manual"
        if let sha = capture.sha256, PathSanitizer.isSHA256(sha) { r.source.file = "raw/\(sha.prefix(2))/\(sha)" }
        if r.source.mediaType == nil { r.source.mediaType = capture.mediaType }
        return r
    }

    /// Adds one capture's record to the versions of its report (ordered oldest first).
    /// Same content as the newest version: only its last-seen moves. Otherwise a new version
    /// with the cell diff against the newest one.
    public static func apply(_ versions: inout [ReportVersion], record: ReportRecord, text: String, capture: Capture) -> StoreOutcome {
        let stamped = stamp(CrossYearChecks.stripped(record), capture: capture)
        let key = ReportKey(record: record, capture: capture)
        let fp = fingerprint(stamped)
        if var last = versions.last, fingerprint(last.record) == fp {
            if var info = last.record.archive, capture.fetchedAt > info.lastSeen {
                info.lastSeen = capture.fetchedAt
                last.record.archive = info
                versions[versions.count - 1] = last
            }
            return .unchanged
        }
        let n = versions.count + 1
        let diff = versions.last.map { CellDiff.changes(from: $0.record, to: stamped) } ?? []
        var r = stamped
        r.archive = ArchiveInfo(reportID: key.reportID, version: n, firstSeen: capture.fetchedAt, lastSeen: capture.fetchedAt, diff: diff)
        versions.append(ReportVersion(key: key, record: r, text: text))
        return n == 1 ? .new(version: 1) : .changed(version: n, diff: diff)
    }

    /// Recomputes the cross-year findings of the current version of every report in `reports`
    /// (against the current version of the same site+agency's previous year) and removes them from
    /// older versions. Returns the keys whose current record changed.
    @discardableResult
    public static func attachCrossYear(_ reports: inout [ReportKey: [ReportVersion]], only keys: Set<ReportKey>? = nil) -> Set<ReportKey> {
        var changed = Set<ReportKey>()
        for key in (keys.map(Array.init) ?? Array(reports.keys)) {
            guard var versions = reports[key], !versions.isEmpty else { continue }
            let before = versions
            for i in versions.indices { versions[i].record = CrossYearChecks.stripped(versions[i].record) }
            if let pk = key.previousYear, let prev = reports[pk]?.last {
                versions[versions.count - 1].record.findings += CrossYearChecks.findings(previous: prev.record, current: versions[versions.count - 1].record)
            }
            if versions != before { changed.insert(key); reports[key] = versions }
        }
        return changed
    }
}

/// What `Archive.store` did with a record.
public enum StoreOutcome: Sendable, Equatable {
    /// The first version of this report.
    case new(version: Int)
    /// Content differs from the newest version: a new version with the cells that changed.
    case changed(version: Int, diff: [CellChange])
    /// Same content as the newest version: only last-seen moved.
    case unchanged
}
