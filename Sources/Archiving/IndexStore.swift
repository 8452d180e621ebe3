import Foundation
import GRDB
import NianbaoCore

/// index.sqlite through GRDB: open or create, incremental updates (store, appendCapture) and the
/// bulk build used by rebuild and `export --format sqlite`.
public final class IndexStore: @unchecked Sendable {
    public let url: URL
    let queue: DatabaseQueue

    /// Opens the index at `url`, creating the schema (with indices) when the file is new.
    /// The index is derived, so commits are not fsynced (`synchronous=OFF`): a kill cannot
    /// corrupt it (the rollback journal is still kept), a power loss might, and `rebuild` repairs that.
    public init(url: URL) throws {
        self.url = url
        var config = Configuration()
        config.label = "nianbao.index"
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous=OFF") }
        queue = try DatabaseQueue(path: url.path, configuration: config)
        try queue.write { db in
            if try !db.tableExists("reports") { try IndexSchema.create(db, withIndices: true) }
        }
    }

    /// Opens an existing index read-only (verify). Nil when the file is missing.
    public static func openReadOnly(url: URL) throws -> DatabaseQueue? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: url.path, configuration: config)
    }

    /// Inserts or replaces one capture row (and its document row when it has a body).
    public func upsertCapture(_ c: Capture) throws {
        try queue.write { db in
            try Self.insertCapture(db, c, replace: true)
            if let sha = c.sha256, PathSanitizer.isSHA256(sha) {
                try Self.insertDocument(db, sha: sha, size: c.size, mediaType: c.mediaType, replace: false)
            }
        }
    }

    /// Replaces every row of one report with `versions` (the last one current).
    public func replaceReport(_ key: ReportKey, versions: [ReportVersion]) throws {
        try queue.write { db in
            for table in ["reports", "cells", "findings"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE report_id = ?", arguments: [key.reportID])
            }
            for (i, v) in versions.enumerated() { try Self.insertVersion(db, v, isCurrent: i == versions.count - 1) }
        }
    }

    /// Writes a fresh index file at `url` (which must not exist) from everything at once, in the
    /// given order, indices last: the same inputs give the same bytes.
    public static func build(at url: URL, captures: [Capture], reports: [ReportKey: [ReportVersion]]) throws {
        var config = Configuration()
        config.label = "nianbao.index.build"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF")
        }
        let q = try DatabaseQueue(path: url.path, configuration: config)
        try q.write { db in
            try IndexSchema.create(db, withIndices: false)
            var seenDocs = Set<String>()
            for c in captures {
                try insertCapture(db, c, replace: true)
                if let sha = c.sha256, PathSanitizer.isSHA256(sha), seenDocs.insert(sha).inserted {
                    try insertDocument(db, sha: sha, size: c.size, mediaType: c.mediaType, replace: false)
                }
            }
            for key in reports.keys.sorted() {
                let versions = reports[key]!
                for (i, v) in versions.enumerated() { try insertVersion(db, v, isCurrent: i == versions.count - 1) }
            }
            try db.execute(sql: IndexSchema.indices)
        }
        try q.close()
    }

    public func close() throws { try queue.close() }

    // MARK: rows

    static func insertCapture(_ db: Database, _ c: Capture, replace: Bool) throws {
        let stmt = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO captures(id, url, final_url, fetched_at, outcome, status, sha256, size, media_type,
              filename, site, agency, kind, error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        try stmt.execute(arguments: [c.id, c.url, c.finalURL, c.fetchedAt, c.outcome.rawValue, c.status, c.sha256, c.size,
                                     c.mediaType, c.filename, c.site, c.agency, c.kind, c.error])
    }

    static func insertDocument(_ db: Database, sha: String, size: Int?, mediaType: String?, replace: Bool) throws {
        let stmt = try db.cachedStatement(sql: "INSERT OR IGNORE INTO documents(sha256, size, media_type, path) VALUES (?,?,?,?)")
        try stmt.execute(arguments: [sha, size, mediaType, "raw/\(sha.prefix(2))/\(sha)"])
    }

    static func insertVersion(_ db: Database, _ v: ReportVersion, isCurrent: Bool) throws {
        let r = v.record
        let id = v.key.reportID
        let n = v.version
        let rep = try db.cachedStatement(sql: """
            INSERT INTO reports(report_id, version, is_current, site, agency, year, template, title, published, url, sha256,
              capture_id, first_seen, last_seen, findings_count, path) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        try rep.execute(arguments: [id, n, isCurrent ? 1 : 0, v.key.site, r.agency, r.year, r.template, r.title, r.published,
                                    r.source.url, r.source.sha256, r.source.captureID, r.archive?.firstSeen, r.archive?.lastSeen,
                                    r.findings.count, v.key.relativeJSONPath(version: n)])
        let cell = try db.cachedStatement(sql: """
            INSERT INTO cells(report_id, version, table_key, row_key, column_key, path, value, raw_text) VALUES (?,?,?,?,?,?,?,?)
            """)
        for c in r.allCells {
            let parts = c.path.split(separator: ".")
            guard parts.count >= 3 else { continue }
            let table = String(parts[0]), column = String(parts[parts.count - 1])
            let row = parts[1..<(parts.count - 1)].joined(separator: ".")
            try cell.execute(arguments: [id, n, table, row, column, c.path, c.value, r.cellsRaw[c.path]])
        }
        let find = try db.cachedStatement(sql: """
            INSERT INTO findings(report_id, version, rule, severity, cells, expected, actual, message) VALUES (?,?,?,?,?,?,?,?)
            """)
        for f in r.findings {
            try find.execute(arguments: [id, n, f.rule, f.severity.rawValue, f.cells.joined(separator: ";"), f.expected, f.actual, f.message])
        }
    }
}
