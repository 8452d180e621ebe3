import Foundation
import GRDB
import GRDBSQLite
import NianbaoCore

/// The cells table's rows of one record, bound straight through the SQLite C API: a record has about
/// 200 cells and a rebuild writes all of them on one thread, so per-row overhead is the index's cost.
enum CellRows {
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// (table_key, row_key, column_key) of a cell path: "t2.art20_1.regulations.issued" → ("t2", "art20_1.regulations", "issued").
    static func split(_ path: String) -> (String, String, String)? {
        if let known = knownSplits[path] { return known }
        let parts = path.split(separator: ".")
        guard parts.count >= 3 else { return nil }
        return (String(parts[0]), parts[1..<(parts.count - 1)].joined(separator: "."), String(parts[parts.count - 1]))
    }

    private static let knownSplits: [String: (String, String, String)] = {
        var out: [String: (String, String, String)] = [:]
        for p in CellOrder.schemaPaths {
            let parts = p.split(separator: ".")
            if parts.count >= 3 { out[p] = (String(parts[0]), parts[1..<(parts.count - 1)].joined(separator: "."), String(parts[parts.count - 1])) }
        }
        return out
    }()

    /// Inserts (report_id, version, table_key, row_key, column_key, path, value, raw_text) for every cell,
    /// in path order, with `statement` = INSERT INTO cells(...) VALUES (?,?,?,?,?,?,?,?).
    /// report_id and version are bound once: SQLite keeps bindings across resets.
    static func insert(_ r: ReportRecord, reportID: String, version: Int, statement: Statement) throws {
        let h = statement.sqliteStatement
        sqlite3_reset(h)
        bind(h, 1, reportID)
        sqlite3_bind_int64(h, 2, Int64(version))
        for c in r.allCells {
            guard let (table, row, column) = split(c.path) else { continue }
            bind(h, 3, table)
            bind(h, 4, row)
            bind(h, 5, column)
            bind(h, 6, c.path)
            if let v = c.value { sqlite3_bind_double(h, 7, v) } else { sqlite3_bind_null(h, 7) }
            if let raw = r.cellsRaw[c.path] { bind(h, 8, raw) } else { sqlite3_bind_null(h, 8) }
            let rc = sqlite3_step(h)
            guard rc == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(h)))
                sqlite3_reset(h)
                throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: message, sql: statement.sql)
            }
            sqlite3_reset(h)
        }
    }

    private static func bind(_ h: OpaquePointer, _ i: Int32, _ s: String) {
        var s = s
        s.withUTF8 { buf in
            guard let base = buf.baseAddress, buf.count > 0 else { _ = sqlite3_bind_text(h, i, "", 0, transient); return }
            _ = sqlite3_bind_text(h, i, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(buf.count), transient)
        }
    }
}
