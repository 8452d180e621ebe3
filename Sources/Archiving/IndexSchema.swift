import Foundation
import GRDB

/// The tables of index.sqlite (and of `export --format sqlite`). Derived only: `rebuild` recreates it.
enum IndexSchema {
    static let version = "1"

    static let tables = """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE captures(id TEXT PRIMARY KEY, url TEXT NOT NULL, final_url TEXT, fetched_at TEXT NOT NULL,
      outcome TEXT NOT NULL, status INTEGER, sha256 TEXT, size INTEGER, media_type TEXT, filename TEXT,
      site TEXT, agency TEXT, kind TEXT, error TEXT);
    CREATE TABLE documents(sha256 TEXT PRIMARY KEY, size INTEGER, media_type TEXT, path TEXT NOT NULL);
    CREATE TABLE reports(report_id TEXT NOT NULL, version INTEGER NOT NULL, is_current INTEGER NOT NULL,
      site TEXT NOT NULL, agency TEXT, year INTEGER, template TEXT, title TEXT, published TEXT, url TEXT,
      sha256 TEXT, capture_id TEXT, first_seen TEXT, last_seen TEXT, findings_count INTEGER NOT NULL,
      path TEXT NOT NULL, PRIMARY KEY(report_id, version));
    CREATE TABLE cells(report_id TEXT NOT NULL, version INTEGER NOT NULL, table_key TEXT NOT NULL,
      row_key TEXT NOT NULL, column_key TEXT NOT NULL, path TEXT NOT NULL, value REAL, raw_text TEXT);
    CREATE TABLE findings(report_id TEXT NOT NULL, version INTEGER NOT NULL, rule TEXT NOT NULL,
      severity TEXT NOT NULL, cells TEXT NOT NULL, expected REAL, actual REAL, message TEXT NOT NULL);
    """

    /// Indices for the usual questions: by agency, by year, by rule, a report's cells.
    static let indices = """
    CREATE INDEX reports_by_agency ON reports(agency, year);
    CREATE INDEX reports_by_year ON reports(year);
    CREATE INDEX captures_by_url ON captures(url);
    CREATE INDEX cells_by_report ON cells(report_id, version);
    CREATE INDEX cells_by_path ON cells(path);
    CREATE INDEX findings_by_rule ON findings(rule);
    CREATE INDEX findings_by_report ON findings(report_id, version);
    """

    static func create(_ db: Database, withIndices: Bool) throws {
        try db.execute(sql: tables)
        if withIndices { try db.execute(sql: indices) }
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('schema', ?)", arguments: [version])
    }
}
