import NianbaoCore

/// A plain-text rendering of a record for a person: metadata, the three tables with their Chinese
/// labels, and the findings. Used by `nianbao parse --format summary`.
public enum SummaryFormatter {
    public static func format(_ record: ReportRecord, schema: FormatSchema = .bundled) -> String {
        var out: [String] = []
        let f = schema.format(template: record.template)
        out.append("\(record.source.file ?? "") — \(record.title ?? "(no title)")")
        out.append("agency: \(record.agency ?? "?")   year: \(record.year.map(String.init) ?? "?")   template: \(record.template)   published: \(record.published ?? "?")")
        out.append("")
        out.append("表二 主动公开政府信息情况")
        for sub in f?.table("t2")?.subtables ?? [] {
            out.append("  \(sub.caption)  [\(sub.columns.map(\.label).joined(separator: " | "))]")
            for row in sub.rows {
                let vals = sub.columns.map { cell(record.tables.t2[sub.key]?[row.key]?[$0.key]) }
                out.append("    " + pad(row.label, 14) + vals.joined(separator: "  "))
            }
        }
        out.append("")
        out.append("表三 收到和处理政府信息公开申请情况  [自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计]")
        var labels: [String: String] = [:]
        for t in ["2021", "2019"] {
            for row in schema.format(template: t)?.table("t3")?.rows ?? [] where labels[row.key] == nil { labels[row.key] = row.label }
        }
        var order: [String] = schema.format(template: "2021")?.table("t3")?.rows?.map(\.key) ?? []
        if let i = order.firstIndex(of: "r6_1_no_correction") { order.insert("r6_other_handling", at: i) }
        for key in order where record.tables.t3[key] != nil {
            out.append(t3Line(record, key, labels[key] ?? key))
        }
        out.append("")
        out.append("表四 行政复议、行政诉讼  [维持 纠正 其他 未结 总计]")
        for (g, name) in [("review", "行政复议"), ("litigation_direct", "未经复议直接起诉"), ("litigation_after_review", "复议后起诉")] {
            let vals = ["upheld", "corrected", "other", "pending", "total"].map { cell(record.tables.t4[g]?[$0]) }
            out.append("    " + pad(name, 14) + vals.joined(separator: "  "))
        }
        out.append("")
        let errors = record.findings.filter { $0.severity == .error }.count
        out.append("findings: \(record.findings.count) (\(errors) error)")
        for finding in record.findings { out.append("  [\(finding.severity.rawValue)] \(finding.message)") }
        return out.joined(separator: "\n")
    }

    static func t3Line(_ r: ReportRecord, _ key: String, _ label: String) -> String {
        let vals = Catalogs.t3Columns.map { cell(r.tables.t3[key]?[$0]) }
        return "    " + pad(String(label.prefix(16)), 18) + vals.joined(separator: "  ")
    }

    static func cell(_ v: Double??) -> String {
        switch v {
        case .some(.some(let x)): return RuleEngine.fmt(x)
        case .some(.none): return "·"
        case .none: return "?"
        }
    }

    static func pad(_ s: String, _ width: Int) -> String {
        let w = s.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
        return s + String(repeating: " ", count: max(1, width * 2 - w))
    }
}
