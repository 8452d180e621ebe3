import Foundation
import NianbaoCore

/// Soft (heuristic) checks between the reports of one agency in consecutive years, attached to the
/// later report as warnings (see docs/format-spec.md, cross_year_carry and cross_year_in_force).
public enum CrossYearChecks {
    public static let rulePrefix = "cross_year"
    static let applicantColumns = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"]
    static let inForceRows = [("regulations", "规章"), ("normative_docs", "行政规范性文件")]

    /// Findings for `current` (year Y) against `previous` (year Y−1) of the same agency.
    /// A mismatch is a `warning`; a blank operand makes the check `not_assessable`.
    public static func findings(previous: ReportRecord, current: ReportRecord) -> [Finding] {
        var out: [Finding] = []
        let prevYear = previous.year.map(String.init) ?? "previous year"
        // 上年结转(Y)[c] = 结转下年度继续办理(Y−1)[c], all seven columns; holds across the 2020→2021 switch.
        if current.tables.t3["carried_over"] != nil || previous.tables.t3["carried_forward"] != nil {
            for c in applicantColumns {
                let now = "t3.carried_over.\(c)", before = "t3.carried_forward.\(c)"
                let cur = current.cell(now) ?? nil, prev = previous.cell(before) ?? nil
                let cells = [now, "\(prevYear):\(before)"]
                guard let cur, let prev else {
                    out.append(Finding(rule: "cross_year_carry", severity: .notAssessable, cells: cells, expected: prev, actual: cur,
                                       message: "上年结转 (\(now)) or \(prevYear) 结转下年度继续办理 (\(before)) is blank; carry-over not assessable"))
                    continue
                }
                if cur != prev {
                    out.append(Finding(rule: "cross_year_carry", severity: .warning, cells: cells, expected: prev, actual: cur,
                                       message: "上年结转 \(now) = \(fmt(cur)) but \(prevYear) 结转下年度继续办理 \(before) = \(fmt(prev))"))
                }
            }
        }
        // 现行有效件数(Y) = 现行有效件数(Y−1) + 本年制发件数(Y) − 本年废止件数(Y): 2021 format in both years.
        if current.template == "2021", previous.template == "2021" {
            for (row, label) in inForceRows {
                let base = "t2.art20_1.\(row)"
                let inForce = current.cell("\(base).in_force") ?? nil
                let issued = current.cell("\(base).issued") ?? nil
                let repealed = current.cell("\(base).repealed") ?? nil
                let prevInForce = previous.cell("\(base).in_force") ?? nil
                if inForce == nil && issued == nil && repealed == nil && prevInForce == nil { continue }
                let cells = ["\(base).in_force", "\(base).issued", "\(base).repealed", "\(prevYear):\(base).in_force"]
                guard let inForce, let issued, let repealed, let prevInForce else {
                    out.append(Finding(rule: "cross_year_in_force", severity: .notAssessable, cells: cells, actual: inForce,
                                       message: "\(label): a 现行有效件数/本年制发件数/本年废止件数 operand is blank; not assessable"))
                    continue
                }
                let expected = prevInForce + issued - repealed
                if expected != inForce {
                    out.append(Finding(rule: "cross_year_in_force", severity: .warning, cells: cells, expected: expected, actual: inForce,
                                       message: "\(label) 现行有效件数 = \(fmt(inForce)), expected \(prevYear) 现行有效件数 \(fmt(prevInForce)) + 本年制发 \(fmt(issued)) − 本年废止 \(fmt(repealed)) = \(fmt(expected))"))
                }
            }
        }
        return out
    }

    /// `record` without any cross-year findings.
    public static func stripped(_ record: ReportRecord) -> ReportRecord {
        var r = record
        r.findings.removeAll { $0.rule.hasPrefix(rulePrefix) }
        return r
    }

    static func fmt(_ v: Double) -> String { CSVFormat.number(v) }
}
