import NianbaoCore

/// Turns the cells the table readers found into the record's tables: every cell of the template is
/// present (null when blank, a placeholder, unreadable or missing), the raw text of every cell that
/// was not a plain number goes to `cells_raw`, and unreadable or missing cells become findings.
struct RecordBuilder {
    let template: String
    let format: FormatSchema.Format?
    var tables = ReportTables()
    var cellsRaw: [String: String] = [:]
    var findings: [Finding] = []

    init(template: String, schema: FormatSchema) {
        self.template = template
        self.format = schema.format(template: template)
    }

    /// Reads one cell; nil when blank, missing or not a number.
    mutating func value(_ pathText: @autoclosure () -> String, _ cell: Cell?, unitDivisor: [String: Double] = [:]) -> Double? {
        guard let cell else { return nil }
        switch cell.kind {
        case .blank:
            cellsRaw[pathText()] = ""
            return nil
        case .label:
            let path = pathText()
            cellsRaw[path] = cell.text
            findings.append(Finding(rule: "unreadable_cell", severity: .unreadable, cells: [path],
                                    message: "\(path): \"\(cell.text)\" is not a number"))
            return nil
        case .value:
            let r = ValueText.read(cell.text)
            if !r.plain { cellsRaw[pathText()] = cell.text }
            if !r.readable {
                let path = pathText()
                findings.append(Finding(rule: "unreadable_cell", severity: .unreadable, cells: [path],
                                        message: "\(path): \"\(cell.text)\" is not a number"))
                return nil
            }
            guard var v = r.value else { return nil }
            if let u = r.unit, let d = unitDivisor[u] { v /= d }
            return v
        }
    }

    mutating func missing(_ paths: [String], what: String) {
        guard !paths.isEmpty else { return }
        findings.append(Finding(rule: "missing_cell", severity: .unreadable, cells: paths,
                                message: "\(what) not found in the document"))
    }

    mutating func fillT2(_ rows: [String: [Cell?]]) {
        for sub in format?.table("t2")?.subtables ?? [] {
            var subOut: [String: [String: Double?]] = [:]
            for row in sub.rows {
                let cells = rows["\(sub.key).\(row.key)"]
                var rowOut: [String: Double?] = [:]
                var absent: [String] = []
                for (i, col) in sub.columns.enumerated() {
                    let path = "t2.\(sub.key).\(row.key).\(col.key)"
                    let cell = cells.flatMap { i < $0.count ? $0[i] : nil }
                    if cell == nil { absent.append(path) }
                    // 本年收费金额 is in 万元: a value written in 元 is converted.
                    let divisor: [String: Double] = (template == "2021" && sub.key == "art20_8") ? ["元": 10_000] : [:]
                    rowOut[col.key] = .some(value(path, cell, unitDivisor: divisor))
                }
                missing(absent, what: "table 二 \(sub.caption) row \(row.label): \(absent.count) cell(s)")
                subOut[row.key] = rowOut
            }
            tables.t2[sub.key] = subOut
        }
        checkT2Types()
    }

    mutating func fillT3(_ rows: [String: [Cell?]], order: [String]) {
        let labels = Dictionary((format?.table("t3")?.rows ?? []).map { ($0.key, $0.label) }, uniquingKeysWith: { a, _ in a })
        for key in order {
            let cells = rows[key]
            var rowOut = [String: Double?](minimumCapacity: 7)
            var absent: [String] = []
            for (i, col) in Catalogs.t3Columns.enumerated() {
                let cell = cells.flatMap { i < $0.count ? $0[i] : nil }
                if cell == nil { absent.append("t3.\(key).\(col)") }
                rowOut[col] = .some(value("t3.\(key).\(col)", cell))
            }
            missing(absent, what: "table 三 row \(labels[key] ?? key): \(absent.count) cell(s)")
            tables.t3[key] = rowOut
        }
    }

    mutating func fillT4(_ cells: [Cell?]?) {
        var absent: [String] = []
        for (i, path) in Catalogs.t4Cells.enumerated() {
            let parts = path.split(separator: ".").map(String.init)
            let cell = cells.flatMap { i < $0.count ? $0[i] : nil }
            if cell == nil { absent.append("t4.\(path)") }
            tables.t4[parts[0], default: [:]][parts[1]] = .some(value("t4.\(path)", cell))
        }
        missing(absent, what: "table 四 (行政复议、行政诉讼): \(absent.count) cell(s)")
    }

    /// Table 二 value types from the schema: int>=0, decimal>=0, signed int.
    private mutating func checkT2Types() {
        for sub in format?.table("t2")?.subtables ?? [] {
            for row in sub.rows {
                for col in sub.columns {
                    guard case .some(.some(let v)) = tables.t2[sub.key]?[row.key]?[col.key] else { continue }
                    let type = col.type ?? "int>=0"
                    let ok: Bool
                    switch type {
                    case "decimal>=0": ok = v >= 0
                    case "signed int": ok = v.rounded() == v
                    default: ok = v >= 0 && v.rounded() == v
                    }
                    if !ok {
                        let path = "t2.\(sub.key).\(row.key).\(col.key)"
                        let rule = sub.key == "art20_1" && template == "2021" ? "t2_art20_1_nonneg" : "t2_value_type"
                        findings.append(Finding(rule: rule, severity: .error, cells: [path], actual: v,
                                                message: "\(path) = \(RuleEngine.fmt(v)) is not a valid \(type) value"))
                    }
                }
            }
        }
    }
}
