import Foundation
import NianbaoCore

/// Every label table the parser needs, compiled once from the bundled format schema and
/// label-aliases.json: table 三 rows, table 二 rows per template, template markers, section headings.
struct Catalogs: Sendable {
    static let shared = Catalogs(schema: FormatSchema.bundled)

    /// Marker for table 三 parent labels (三、本年度办理结果, (三)不予公开 …).
    static let parent = "^parent"

    let schema: FormatSchema
    /// Table 三 rows of both templates (r6_other_handling and r6_1…r6_3 alike) plus parent labels.
    var t3 = LabelCatalog()
    /// Table 二 rows per template, keyed "art20_1.regulations".
    var t2: [String: LabelCatalog] = [:]
    /// Table 二 label cores that only one template prints → that template.
    var templateMarkers: [String: String] = [:]
    /// Section headings → section key.
    var sections = LabelCatalog()
    /// Row groups from label-aliases.json: "t3.r6_other_handling" → its three sub-rows.
    var rowGroups: [String: [String]] = [:]

    init(schema: FormatSchema) {
        self.schema = schema
        var extra: [String: [String]] = [:]
        if let url = FormatSchema.resourceURL("label-aliases", ext: "json"),
           let data = try? Data(contentsOf: url),
           let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            extra = obj["row_aliases"] as? [String: [String]] ?? [:]
            rowGroups = obj["row_groups"] as? [String: [String]] ?? [:]
        }
        sections.allowPrefix = false
        var cores: [String: Set<String>] = [:]
        for template in ["2021", "2019"] {
            guard let f = schema.format(template: template) else { continue }
            if let t3t = f.table("t3") {
                for row in t3t.rows ?? [] {
                    t3.add(key: row.key, label: row.label)
                    for a in row.aliases { t3.add(key: row.key, label: a) }
                    for a in extra["t3.\(row.key)"] ?? [] { t3.add(key: row.key, label: a) }
                }
            }
            var cat = LabelCatalog()
            var set = Set<String>()
            for sub in f.table("t2")?.subtables ?? [] {
                for row in sub.rows {
                    cat.add(key: "\(sub.key).\(row.key)", label: row.label)
                    for a in row.aliases { cat.add(key: "\(sub.key).\(row.key)", label: a) }
                    set.insert(LabelKey(row.label).core)
                }
                for col in sub.columns {
                    set.insert(LabelKey(col.label).core)
                    for a in col.aliases { set.insert(LabelKey(a).core) }
                }
            }
            t2[template] = cat
            cores[template] = set
            if template == "2021" {
                for s in f.sections {
                    sections.add(key: s.key, label: s.label)
                    for a in s.aliases { sections.add(key: s.key, label: a) }
                }
            }
        }
        for p in ["三、本年度办理结果", "(三)不予公开", "(四)无法提供", "(五)不予处理", "法人或其他组织", "申请人情况",
                  "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
                  "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"] {
            t3.add(key: Self.parent, label: p)   // header and parent labels: known, never rows
        }
        // Table 二 captions and headers: known, never rows (saves the fuzzy path).
        for template in ["2021", "2019"] {
            guard var cat = t2[template], let f = schema.format(template: template) else { continue }
            for sub in f.table("t2")?.subtables ?? [] {
                cat.add(key: Self.parent, label: sub.caption)
                cat.add(key: Self.parent, label: sub.rowHeader)
                for col in sub.columns { cat.add(key: Self.parent, label: col.label) }
            }
            t2[template] = cat
        }
        let c19 = cores["2019"] ?? [], c21 = cores["2021"] ?? []
        for c in c19.subtracting(c21) where !c.isEmpty { templateMarkers[c] = "2019" }
        for c in c21.subtracting(c19) where !c.isEmpty { templateMarkers[c] = "2021" }
    }

    /// Table 三 row keys of a template in schema order.
    func t3Rows(template: String) -> [String] {
        schema.format(template: template)?.table("t3")?.rows?.map(\.key) ?? []
    }

    static let t3Columns = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"]
    static let t4Cells: [String] = ["review", "litigation_direct", "litigation_after_review"].flatMap { g in
        ["upheld", "corrected", "other", "pending", "total"].map { "\(g).\($0)" }
    }
}
