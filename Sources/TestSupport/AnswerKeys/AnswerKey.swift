/// What a report really says, written by hand from its source text (never from the parser's output):
/// metadata plus every table cell by cell path ("t2.art20_1.regulations.issued",
/// "t3.r4_1_not_held.natural_person", "t4.review.total"). A nil value is a blank cell.
public struct AnswerKey: Sendable {
    public var name: String
    public var agency: String?
    public var year: Int?
    /// "2019" or "2021".
    public var template: String
    /// YYYY-MM-DD, nil when the source shows no date.
    public var published: String?
    /// nil when a test should not check the title.
    public var title: String?
    /// Every cell of the template: 200 for 2021, 198 for 2019 (fewer when （六）其他处理 is one row in 2021).
    public var cells: [String: Double?]

    public init(name: String, agency: String?, year: Int?, template: String, published: String?, title: String?,
                cells: [String: Double?]) {
        self.name = name
        self.agency = agency
        self.year = year
        self.template = template
        self.published = published
        self.title = title
        self.cells = cells
    }
}

/// Builders that spell a key as the tables are printed: rows of values in column order.
public enum KeyTables {
    /// Table 三 row keys of the 2021 format, in printed order (format-spec §3).
    public static let t3Rows2021 = [
        "new_received", "carried_over", "r1_granted", "r2_partial",
        "r3_1_state_secret", "r3_2_law_prohibited", "r3_3_three_safety_one_stability", "r3_4_third_party",
        "r3_5_internal_affairs", "r3_6_process_info", "r3_7_enforcement_file", "r3_8_admin_query",
        "r4_1_not_held", "r4_2_needs_creation", "r4_3_unclear_after_correction",
        "r5_1_petition_complaint", "r5_2_repeat", "r5_3_publication", "r5_4_mass_repeat", "r5_5_confirm_reissue",
        "r6_1_no_correction", "r6_2_fee_unpaid", "r6_3_other", "r7_total", "carried_forward",
    ]
    /// The 2019 format (and 2021 reports printing （六）其他处理 as one row): r6_other_handling replaces r6_1…r6_3.
    public static let t3RowsOneRowR6: [String] = {
        var rows = t3Rows2021
        rows.replaceSubrange(20..<23, with: ["r6_other_handling"])
        return rows
    }()
    public static let t3Columns = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"]
    public static let t4Groups = ["review", "litigation_direct", "litigation_after_review"]
    public static let t4Columns = ["upheld", "corrected", "other", "pending", "total"]

    /// Table 二 of the 2021 format: 规章 and 行政规范性文件 (制发, 废止, 现行有效), 行政许可, 行政处罚, 行政强制, 收费金额 (万元).
    public static func t2v2021(regulations: [Double?], normativeDocs: [Double?], license: Double?, penalty: Double?,
                               coercion: Double?, fees: Double?) -> [String: Double?] {
        var out: [String: Double?] = [:]
        for (i, c) in ["issued", "repealed", "in_force"].enumerated() {
            out["t2.art20_1.regulations.\(c)"] = regulations[i]
            out["t2.art20_1.normative_docs.\(c)"] = normativeDocs[i]
        }
        out["t2.art20_5.admin_license.decisions"] = license
        out["t2.art20_6.admin_penalty.decisions"] = penalty
        out["t2.art20_6.admin_coercion.decisions"] = coercion
        out["t2.art20_8.admin_fees.fee_amount"] = fees
        return out
    }

    /// Table 三 from rows of 7 values, in the order of `rows`.
    public static func t3(_ values: [[Double?]], rows: [String] = t3Rows2021) -> [String: Double?] {
        precondition(values.count == rows.count, "table 三 key needs \(rows.count) rows, got \(values.count)")
        var out: [String: Double?] = [:]
        for (r, row) in rows.enumerated() {
            precondition(values[r].count == 7, "row \(row) needs 7 values")
            for (c, col) in t3Columns.enumerated() { out["t3.\(row).\(col)"] = values[r][c] }
        }
        return out
    }

    /// Table 四 from its one row of 15 values.
    public static func t4(_ values: [Double?]) -> [String: Double?] {
        precondition(values.count == 15, "table 四 key needs 15 values")
        var out: [String: Double?] = [:]
        var i = 0
        for g in t4Groups { for c in t4Columns { out["t4.\(g).\(c)"] = values[i]; i += 1 } }
        return out
    }

    static func merge(_ parts: [String: Double?]...) -> [String: Double?] {
        parts.reduce(into: [:]) { acc, p in acc.merge(p) { a, _ in a } }
    }
}
