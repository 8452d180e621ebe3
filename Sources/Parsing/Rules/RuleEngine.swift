import NianbaoCore

/// Evaluates the arithmetic rules of the format schema (data, not code) against a record.
///
/// A rule's `formula` is `<path> (+|- <path>)* == <path> (+|- <path>)*` with `$placeholders` expanded
/// over `for_each` (the cartesian product when there are several). Rules whose formula is prose or
/// refers to other years (`[Y-1]`) are not evaluated here; `t3_t4_nonnegative_int` is the one
/// prose rule checked by id. A blank operand never counts as 0: the instance is reported
/// `not_assessable`, naming the blank cells. When （六）其他处理 was printed as one row (or as sub-rows
/// where the formula expects one row), the `row_groups` of label-aliases.json rewrite the terms.
public struct RuleEngine: Sendable {
    let rules: [FormatSchema.Rule]
    let rowGroups: [String: [String]]

    public init(template: String, schema: FormatSchema = .bundled) {
        rules = schema.format(template: template)?.rules ?? []
        rowGroups = Catalogs.shared.rowGroups
    }

    struct Term { var sign: Double; var path: String }

    /// All findings for the record's tables (rule failures and not-assessable instances).
    public func evaluate(_ record: ReportRecord) -> [Finding] {
        var findings: [Finding] = []
        let t3Rows = Set(record.tables.t3.keys)
        for rule in rules {
            if rule.id == "t3_t4_nonnegative_int" {
                findings += nonNegative(record, rule: rule.id)
                continue
            }
            guard let formula = rule.formula, let (lhs, rhs) = Self.parse(formula) else { continue }
            let severity: Finding.Severity = (rule.status == "heuristic" || rule.status == "uncertain") ? .warning : .error
            for binding in Self.bindings(rule.forEach ?? [:], rewrite: { self.rewriteRows($0, present: t3Rows) }) {
                let l = rewrite(lhs.map { Term(sign: $0.sign, path: Self.substitute($0.path, binding)) }, present: t3Rows)
                let r = rewrite(rhs.map { Term(sign: $0.sign, path: Self.substitute($0.path, binding)) }, present: t3Rows)
                if let f = check(rule: rule.id, severity: severity, l, r, record: record, binding: binding) { findings.append(f) }
            }
        }
        return findings
    }

    private func check(rule: String, severity: Finding.Severity, _ l: [Term], _ r: [Term], record: ReportRecord,
                       binding: [String: String]) -> Finding? {
        var blanks: [String] = []
        func sum(_ terms: [Term]) -> Double {
            var s = 0.0
            for t in terms {
                if case .some(.some(let v)) = record.cell(t.path) { s += t.sign * v } else { blanks.append(t.path) }
            }
            return s
        }
        let a = sum(l), b = sum(r)
        let all = (l + r).map(\.path)
        let label = binding.isEmpty ? rule : "\(rule) [\(binding.values.sorted().joined(separator: ","))]"
        if !blanks.isEmpty {
            return Finding(rule: rule, severity: .notAssessable, cells: blanks,
                           message: "\(label): not assessable, blank or missing: \(blanks.joined(separator: ", "))")
        }
        guard abs(a - b) > 1e-6 else { return nil }
        return Finding(rule: rule, severity: severity, cells: all, expected: a, actual: b,
                       message: "\(label): \(Self.describe(l)) = \(Self.fmt(a)) but \(Self.describe(r)) = \(Self.fmt(b))")
    }

    private func nonNegative(_ record: ReportRecord, rule: String) -> [Finding] {
        var out: [Finding] = []
        for (path, value) in record.allCells where path.hasPrefix("t3.") || path.hasPrefix("t4.") {
            guard let v = value else { continue }
            if v < 0 || v.rounded() != v {
                out.append(Finding(rule: rule, severity: .error, cells: [path], actual: v,
                                   message: "\(path) = \(Self.fmt(v)) is not a non-negative integer"))
            }
        }
        return out
    }

    /// Rewrites t3 row terms through the row groups: a group row that is absent is replaced by its
    /// members, and absent members by their group row.
    private func rewrite(_ terms: [Term], present: Set<String>) -> [Term] {
        var out: [Term] = []
        var emitted = Set<String>()
        for t in terms {
            let parts = t.path.split(separator: ".").map(String.init)
            guard parts.count == 3, parts[0] == "t3", !present.contains(parts[1]) else { out.append(t); continue }
            let row = "t3.\(parts[1])"
            if let members = rowGroups[row], members.contains(where: { present.contains(String($0.dropFirst(3))) }) {
                for m in members { out.append(Term(sign: t.sign, path: "\(m).\(parts[2])")) }
            } else if let (group, _) = rowGroups.first(where: { $0.value.contains(row) }), present.contains(String(group.dropFirst(3))) {
                let p = "\(group).\(parts[2])"
                if !emitted.contains(p) { out.append(Term(sign: t.sign, path: p)); emitted.insert(p) }
            } else {
                out.append(t)
            }
        }
        return out
    }

    /// for_each values for t3 rows, rewritten the same way (r6_1…r6_3 ↔ r6_other_handling).
    private func rewriteRows(_ values: [String], present: Set<String>) -> [String] {
        var out: [String] = []
        for v in values {
            if present.contains(v) || present.isEmpty { if !out.contains(v) { out.append(v) }; continue }
            let row = "t3.\(v)"
            if let members = rowGroups[row], members.contains(where: { present.contains(String($0.dropFirst(3))) }) {
                for m in members where !out.contains(String(m.dropFirst(3))) { out.append(String(m.dropFirst(3))) }
            } else if let (group, _) = rowGroups.first(where: { $0.value.contains(row) }), present.contains(String(group.dropFirst(3))) {
                if !out.contains(String(group.dropFirst(3))) { out.append(String(group.dropFirst(3))) }
            } else {
                out.append(v)
            }
        }
        return out
    }

    static func parse(_ formula: String) -> ([Term], [Term])? {
        let sides = formula.components(separatedBy: "==")
        guard sides.count == 2, let l = terms(sides[0]), let r = terms(sides[1]) else { return nil }
        return (l, r)
    }

    static func terms(_ side: String) -> [Term]? {
        var out: [Term] = []
        var sign = 1.0
        for tok in side.split(separator: " ") {
            if tok == "+" { sign = 1; continue }
            if tok == "-" { sign = -1; continue }
            guard tok.hasPrefix("t2.") || tok.hasPrefix("t3.") || tok.hasPrefix("t4."),
                  tok.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "$" }) else { return nil }
            out.append(Term(sign: sign, path: String(tok)))
            sign = 1
        }
        return out.isEmpty ? nil : out
    }

    static func bindings(_ forEach: [String: [String]], rewrite: ([String]) -> [String]) -> [[String: String]] {
        var result: [[String: String]] = [[:]]
        for key in forEach.keys.sorted() {
            let values = key == "$r" ? rewrite(forEach[key] ?? []) : (forEach[key] ?? [])
            result = result.flatMap { b in values.map { v in b.merging([key: v]) { $1 } } }
        }
        return result
    }

    static func substitute(_ path: String, _ binding: [String: String]) -> String {
        guard path.contains("$") else { return path }
        var p = path
        for (k, v) in binding.sorted(by: { $0.key.count > $1.key.count }) { p = p.replacingOccurrences(of: k, with: v) }
        return p
    }

    static func describe(_ terms: [Term]) -> String {
        terms.enumerated().map { i, t in (i == 0 ? (t.sign < 0 ? "-" : "") : (t.sign < 0 ? " - " : " + ")) + t.path }.joined()
    }

    static func fmt(_ v: Double) -> String {
        v.rounded() == v && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}
