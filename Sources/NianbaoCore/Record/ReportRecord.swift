import Foundation

/// The structured record of one annual report: `nianbao.report/1`.
/// Keys follow ../docs/format-schema.json (bundled as Resources/format-schema.json).
public struct ReportRecord: Codable, Sendable, Equatable {
    public static let schemaID = "nianbao.report/1"

    public var schema: String
    public var agency: String?
    public var year: Int?
    /// "2019" or "2021": detected from the table labels, never from the year.
    public var template: String
    public var title: String?
    /// YYYY-MM-DD when known (发布日期, or the signature date).
    public var published: String?
    public var source: SourceInfo
    /// Section texts keyed overview, proactive, applications, review_litigation, problems, other.
    public var sections: [String: String]
    public var tables: ReportTables
    /// Raw source text of every cell whose text was not a plain number, keyed by cell path
    /// ("t3.r1_granted.total", "t2.art20_8.admin_fees.fee_amount").
    public var cellsRaw: [String: String]
    public var findings: [Finding]
    /// Set by the Archive: version number, first/last seen and the diff against the previous version.
    public var archive: ArchiveInfo?

    public init(agency: String? = nil, year: Int? = nil, template: String, title: String? = nil,
                published: String? = nil, source: SourceInfo = SourceInfo(), sections: [String: String] = [:],
                tables: ReportTables = ReportTables(), cellsRaw: [String: String] = [:],
                findings: [Finding] = [], archive: ArchiveInfo? = nil) {
        self.schema = Self.schemaID
        self.agency = agency
        self.year = year
        self.template = template
        self.title = title
        self.published = published
        self.source = source
        self.sections = sections
        self.tables = tables
        self.cellsRaw = cellsRaw
        self.findings = findings
        self.archive = archive
    }

    enum CodingKeys: String, CodingKey {
        case schema, agency, year, template, title, published, source, sections, tables
        case cellsRaw = "cells_raw"
        case findings, archive
    }

    /// Every cell as (key path, value), in a stable order (table, then schema order when the
    /// caller sorts by FormatSchema.cellPaths; here alphabetical).
    public var allCells: [(path: String, value: Double?)] {
        var out: [(String, Double?)] = []
        for (sub, rows) in tables.t2 { for (row, cols) in rows { for (col, v) in cols { out.append(("t2.\(sub).\(row).\(col)", v)) } } }
        for (row, cols) in tables.t3 { for (col, v) in cols { out.append(("t3.\(row).\(col)", v)) } }
        for (group, cols) in tables.t4 { for (col, v) in cols { out.append(("t4.\(group).\(col)", v)) } }
        return out.sorted { $0.0 < $1.0 }
    }

    /// The value at a cell path such as "t3.new_received.total"; `.some(nil)` for a blank cell,
    /// nil when the path is not in the record.
    public func cell(_ path: String) -> Double?? {
        let p = path.split(separator: ".").map(String.init)
        switch (p.first, p.count) {
        case ("t2", 4): return tables.t2[p[1]]?[p[2]]?[p[3]]
        case ("t3", 3): return tables.t3[p[1]]?[p[2]]
        case ("t4", 3): return tables.t4[p[1]]?[p[2]]
        default: return nil
        }
    }
}

/// The three statutory tables. A value is a number, or nil (JSON null) when the cell is blank
/// or not a number.
public struct ReportTables: Codable, Sendable, Equatable {
    /// 表二: subtable (art20_1 …) → row → column → value.
    public var t2: [String: [String: [String: Double?]]]
    /// 表三: row → applicant column → value.
    public var t3: [String: [String: Double?]]
    /// 表四: group (review, litigation_direct, litigation_after_review) → column → value.
    public var t4: [String: [String: Double?]]

    public init(t2: [String: [String: [String: Double?]]] = [:], t3: [String: [String: Double?]] = [:],
                t4: [String: [String: Double?]] = [:]) {
        self.t2 = t2
        self.t3 = t3
        self.t4 = t4
    }
}
