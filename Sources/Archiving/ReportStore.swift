import Foundation
import NianbaoCore

/// Storing one processed capture's record: versioning, cross-year findings, files and index.
extension Archive {
    /// Stores the record parsed from `capture` with its normalized `text`.
    ///
    /// The report (site + agency + year, see `ReportKey`) gets a new version when its content
    /// differs from the newest stored version, with the cell diff; an unchanged re-capture only
    /// moves last-seen. Cross-year findings of this report and of the next year's report are
    /// recomputed. Files are written atomically; the index rows of the touched reports are replaced.
    public func store(record: ReportRecord, capture: Capture, text: String) throws -> StoreOutcome {
        mutex.lock()
        defer { mutex.unlock() }
        let key = ReportKey(record: record, capture: capture)
        var loaded: [ReportKey: [ReportVersion]] = [:]
        loaded[key] = try ReportFiles.loadVersions(key, reportsDir: reportsDirectory)
        var reports = loaded
        let outcome = Versioning.apply(&reports[key, default: []], record: record, text: text, capture: capture)
        var touched: Set<ReportKey> = [key]
        if let prev = key.previousYear { reports[prev] = try ReportFiles.loadVersions(prev, reportsDir: reportsDirectory) }
        if let year = key.year {
            let next = ReportKey(site: key.site, agency: key.agency, year: year + 1)
            let versions = try ReportFiles.loadVersions(next, reportsDir: reportsDirectory)
            if !versions.isEmpty {
                loaded[next] = versions
                reports[next] = versions
                touched.insert(next)
            }
        }
        Versioning.attachCrossYear(&reports, only: touched)
        for k in touched.sorted() {
            let old = loaded[k] ?? []
            let new = reports[k] ?? []
            var wrote = false
            for (i, v) in new.enumerated() where i >= old.count || old[i] != v {
                try ReportFiles.write(v, reportsDir: reportsDirectory, durable: durable)
                wrote = true
            }
            if wrote { try? indexStoreLocked()?.replaceReport(k, versions: new) }
        }
        return outcome
    }

    /// The lazily opened index (caller holds `mutex`). Nil if it cannot be opened; the index is
    /// derived, so `rebuild` repairs it and `verify` reports the disagreement.
    func indexStoreLocked() throws -> IndexStore? {
        if indexStore == nil { indexStore = try? IndexStore(url: indexURL) }
        return indexStore
    }

    /// Closes the index connection (before files under the archive are swapped or removed).
    public func closeIndex() {
        mutex.lock()
        defer { mutex.unlock() }
        try? indexStore?.close()
        indexStore = nil
    }
}
