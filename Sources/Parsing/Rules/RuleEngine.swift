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
    let template: String
    let rules: [FormatSchema.Rule]
    let rowGroups: [String: [String]]

    public init(template: String, schema: FormatSchema = .bundled) {
        self.template = template
        rules = schema.format(template: template)?.rules ?? []
        rowGroups = Catalogs.shared.rowGroups
    }

    struct Term: Sendable {
        var sign: Double
        var path: String
        let parts: [String]
        init(sign: Double, path: String) {
            self.sign = sign
            self.path = path
            parts = path.split(separator: ".").map(String.init)
        }

        /// The cell's value: .some(nil) for a blank, nil when the record lacks the cell.
        func value(in r: ReportRecord) -> Double?? {
            switch (parts.first, parts.count) {
            case ("t3", 3): return r.tables.t3[parts[1]]?[parts[2]]
            case ("t4", 3): return r.tables.t4[parts[1]]?[parts[2]]
            case ("t2", 4): return r.tables.t2[parts[1]]?[parts[2]]?[parts[3]]
            default: return nil
            }
        }
    }

    /// One expanded rule instance, ready to evaluate.
    struct Instance: Sendable {
        var rule: String
        var severity: Finding.Severity
        var label: String
        var lhs: [Term]
        var rhs: [Term]
        /// Positions of the terms' cells in `Compiled.terms`.
        var lhsSlots: [Int] = []
        var rhsSlots: [Int] = []
    }

    /// Instances plus the distinct cells they read, so each report looks every cell up once.
    struct Compiled: Sendable {
        var instances: [Instance]
        var terms: [Term]

        init(_ list: [Instance]) {
            var index: [String: Int] = [:]
            var terms: [Term] = []
            func slot(_ t: Term) -> Int {
                if let i = index[t.path] { return i }
                index[t.path] = terms.count
                terms.append(t)
                return terms.count - 1
            }
            instances = list.map { inst in
                var i = inst
                i.lhsSlots = inst.lhs.map(slot)
                i.rhsSlots = inst.rhs.map(slot)
                return i
            }
            self.terms = terms
        }
    }

    /// Compiled instances per template and shape of （六） ("sub" rows or "one" row): expanding the
    /// formulas once keeps rule checking out of the per-report cost.
    static let compiled: [String: Compiled] = {
        var out: [String: Compiled] = [:]
        for template in ["2019", "2021"] {
            let engine = RuleEngine(template: template)
            let sub: Set<String> = ["r6_1_no_correction", "r6_2_fee_unpaid", "r6_3_other"]
            let one: Set<String> = ["r6_other_handling"]
            out[template + "/sub"] = Compiled(engine.expand(present: sub))
            out[template + "/one"] = Compiled(engine.expand(present: one))
        }
        return out
    }()

    func expand(present: Set<String>) -> [Instance] {
        var out: [Instance] = []
        for rule in rules {
            guard rule.id != "t3_t4_nonnegative_int", let formula = rule.formula, let (lhs, rhs) = Self.parse(formula) else { continue }
            let severity: Finding.Severity = (rule.status == "heuristic" || rule.status == "uncertain") ? .warning : .error
            for binding in Self.bindings(rule.forEach ?? [:], rewrite: { self.rewriteRows($0, present: present) }) {
                let l = rewrite(lhs.map { Term(sign: $0.sign, path: Self.substitute($0.path, binding)) }, present: present)
                let r = rewrite(rhs.map { Term(sign: $0.sign, path: Self.substitute($0.path, binding)) }, present: present)
                let label = binding.isEmpty ? rule.id : "\(rule.id) [\(binding.values.sorted().joined(separator: ","))]"
                out.append(Instance(rule: rule.id, severity: severity, label: label, lhs: l, rhs: r))
            }
        }
        return out
    }

    /// All findings for the record's tables (rule failures and not-assessable instances).
    public func evaluate(_ record: ReportRecord) -> [Finding] {
        var findings: [Finding] = []
        let shape = record.tables.t3["r6_other_handling"] != nil && record.tables.t3["r6_1_no_correction"] == nil ? "one" : "sub"
        let compiled = Self.compiled["\(template)/\(shape)"] ?? Compiled(expand(present: Set(record.tables.t3.keys)))
        let values = compiled.terms.map { $0.value(in: record) }
        for inst in compiled.instances {
            if let f = check(inst, values: values) { findings.append(f) }
        }
        if rules.contains(where: { $0.id == "t3_t4_nonnegative_int" }) {
            findings += nonNegative(record, rule: "t3_t4_nonnegative_int")
        }
        return findings
    }

    private func check(_ inst: Instance, values: [Double??]) -> Finding? {
        var blanks: [String] = []
        func sum(_ terms: [Term], _ slots: [Int]) -> Double {
            var s = 0.0
            for (t, slot) in zip(terms, slots) {
                if case .some(.some(let v)) = values[slot] { s += t.sign * v } else { blanks.append(t.path) }
            }
            return s
        }
        let a = sum(inst.lhs, inst.lhsSlots), b = sum(inst.rhs, inst.rhsSlots)
        if !blanks.isEmpty {
            return Finding(rule: inst.rule, severity: .notAssessable, cells: blanks,
                           message: "\(inst.label): not assessable, blank or missing: \(blanks.joined(separator: ", "))")
        }
        guard abs(a - b) > 1e-6 else { return nil }
        return Finding(rule: inst.rule, severity: inst.severity, cells: (inst.lhs + inst.rhs).map(\.path), expected: a, actual: b,
                       message: "\(inst.label): \(Self.describe(inst.lhs)) = \(Self.fmt(a)) but \(Self.describe(inst.rhs)) = \(Self.fmt(b))")
    }

    private func nonNegative(_ record: ReportRecord, rule: String) -> [Finding] {
        var out: [Finding] = []
        func check(_ path: @autoclosure () -> String, _ value: Double?) {
            guard let v = value, v < 0 || v.rounded() != v else { return }
            let p = path()
            out.append(Finding(rule: rule, severity: .error, cells: [p], actual: v,
                               message: "\(p) = \(Self.fmt(v)) is not a non-negative integer"))
        }
        for (row, cols) in record.tables.t3 { for (col, v) in cols { check("t3.\(row).\(col)", v) } }
        for (g, cols) in record.tables.t4 { for (col, v) in cols { check("t4.\(g).\(col)", v) } }
        return out.sorted { $0.cells[0] < $1.cells[0] }
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
