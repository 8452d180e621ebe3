import Foundation
import GRDB
import NianbaoCore

/// `nianbao verify`: the archive's integrity, checked from the files themselves.
public struct VerifyReport: Sendable {
    /// Integrity failures; any makes `verify` exit 1.
    public var problems: [String] = []
    /// Worth knowing, not failures (a torn last line of the captures log, leftovers in tmp/).
    public var warnings: [String] = []
    public var rawObjects = 0
    public var captures = 0
    public var reportVersions = 0

    public var isClean: Bool { problems.isEmpty }
}

extension Archive {
    /// Re-hashes raw/; checks every capture's body exists with its size, every record's source
    /// capture and body exist, no stray temporary files remain, and index.sqlite agrees with reports/.
    public func verify() throws -> VerifyReport {
        var report = VerifyReport()
        let fm = FileManager.default

        // raw/: every object's content hashes to its name.
        var rawSizes: [String: Int] = [:]
        for prefix in ((try? fm.contentsOfDirectory(atPath: rawDirectory.path)) ?? []).sorted() {
            let dir = rawDirectory.appendingPathComponent(prefix)
            for name in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() {
                let rel = "raw/\(prefix)/\(name)"
                if name.contains(AtomicFile.tempMarker) { report.problems.append("\(rel): stray temporary file (interrupted write)"); continue }
                guard PathSanitizer.isSHA256(name), name.hasPrefix(prefix) else { report.problems.append("\(rel): unexpected file in raw/"); continue }
                let url = dir.appendingPathComponent(name)
                do {
                    let actual = try SHA256.hex(fileAt: url)
                    if actual != name { report.problems.append("\(rel): content does not match its sha256 (hashes to \(actual))") }
                    rawSizes[name] = (try? fm.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
                    report.rawObjects += 1
                } catch {
                    report.problems.append("\(rel): cannot read: \(error)")
                }
            }
        }

        // captures/: readable lines; every body present.
        let log = try readCaptureLog()
        for bad in log.badLines {
            if bad.torn { report.warnings.append("\(bad.file) line \(bad.line): torn last line (an interrupted append); readers skip it") }
            else { report.problems.append("\(bad.file) line \(bad.line): not a capture record") }
        }
        report.captures = log.captures.count
        var captureIDs = Set<String>()
        for c in log.captures {
            captureIDs.insert(c.id)
            guard let sha = c.sha256 else { continue }
            guard let size = rawSizes[sha] else { report.problems.append("capture \(c.id) (\(c.url)): body raw/\(sha.prefix(2))/\(sha) is missing"); continue }
            if let expected = c.size, expected != size { report.problems.append("capture \(c.id): size \(expected) recorded, raw/\(sha.prefix(2))/\(sha) has \(size)") }
        }

        // reports/: every record's source capture and body exist.
        let (reports, fileProblems) = ReportFiles.loadAll(reportsDir: reportsDirectory)
        report.problems += fileProblems
        for key in reports.keys.sorted() {
            for v in reports[key]! {
                report.reportVersions += 1
                let name = key.relativeJSONPath(version: v.version)
                if let id = v.record.source.captureID {
                    if !captureIDs.contains(id) { report.problems.append("\(name): source capture \(id) is not in the captures log") }
                } else {
                    report.problems.append("\(name): record names no source capture")
                }
                if let sha = v.record.source.sha256, rawSizes[sha] == nil { report.problems.append("\(name): source body raw/\(sha.prefix(2))/\(sha) is missing") }
                if v.record.archive?.version != v.version { report.problems.append("\(name): archive.version \(v.record.archive?.version ?? 0) does not match its file name") }
            }
        }

        // Stray temporary files anywhere outside tmp/ (raw/ was checked above).
        for sub in ["captures", "reports", "state"] { strayTemps(under: root.appendingPathComponent(sub), rel: sub, into: &report.problems) }
        for name in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted() where name.contains(AtomicFile.tempMarker) {
            report.problems.append("\(name): stray temporary file")
        }
        for name in ((try? fm.contentsOfDirectory(atPath: tempDirectory.path)) ?? []).sorted() {
            report.warnings.append("tmp/\(name): left in the scratch directory by an interrupted run (safe to delete)")
        }

        // index.sqlite agrees with reports/.
        report.problems += indexDisagreements(reports)
        return report
    }

    private func strayTemps(under dir: URL, rel: String, into problems: inout [String]) {
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return }
        var found: [String] = []
        while let p = e.nextObject() as? String {
            if (p as NSString).lastPathComponent.contains(AtomicFile.tempMarker) { found.append(p) }
        }
        for p in found.sorted() { problems.append("\(rel)/\(p): stray temporary file (interrupted write)") }
    }

    func indexDisagreements(_ reports: [ReportKey: [ReportVersion]]) -> [String] {
        let db: DatabaseQueue?
        do { db = try IndexStore.openReadOnly(url: indexURL) } catch { return ["index.sqlite: cannot open: \(error)"] }
        guard let db else { return reports.isEmpty ? [] : ["index.sqlite is missing (run `nianbao rebuild`)"] }
        var problems: [String] = []
        do {
            var expected: [String: String] = [:]
            for (key, versions) in reports {
                for (i, v) in versions.enumerated() {
                    expected["\(key.reportID) v\(v.version)"] = "current=\(i == versions.count - 1 ? 1 : 0) last_seen=\(v.record.archive?.lastSeen ?? "") findings=\(v.record.findings.count) cells=\(v.record.allCells.count)"
                }
            }
            var actual: [String: String] = [:]
            try db.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT r.report_id, r.version, r.is_current, r.last_seen, r.findings_count,
                      (SELECT count(*) FROM cells c WHERE c.report_id = r.report_id AND c.version = r.version) AS ncells
                    FROM reports r
                    """)
                for row in rows {
                    let id: String = row["report_id"], n: Int = row["version"]
                    actual["\(id) v\(n)"] = "current=\(row["is_current"] as Int) last_seen=\((row["last_seen"] as String?) ?? "") findings=\(row["findings_count"] as Int) cells=\(row["ncells"] as Int)"
                }
            }
            for k in Set(expected.keys).union(actual.keys).sorted() {
                switch (expected[k], actual[k]) {
                case (nil, _): problems.append("index.sqlite lists \(k), which is not in reports/")
                case (_, nil): problems.append("index.sqlite lacks \(k) from reports/")
                case let (e?, a?) where e != a: problems.append("index.sqlite disagrees on \(k): reports/ has \(e), index has \(a)")
                default: break
                }
            }
        } catch {
            problems.append("index.sqlite: cannot read: \(error)")
        }
        return problems
    }
}
