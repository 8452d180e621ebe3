/// Where the three tables and the six sections sit in the cell stream. Section headings are
/// matched by their text, never by the numeral alone (the table row 四、结转下年度继续办理 is not a heading).
struct TableRegions: Sendable {
    /// Section key → stream index of its heading, in document order.
    var headings: [(key: String, index: Int)] = []
    var t2: Range<Int>?
    var t3: Range<Int>?
    var t4: Range<Int>?

    init(stream: CellStream, catalogs: Catalogs, memo: inout [String: String?]) {
        let cells = stream.cells
        var seen = Set<String>()
        for i in cells.indices where cells[i].kind == .label && (cells[i].alone || cells[i].isHeading) {
            guard let key = Self.sectionKey(cells[i], catalogs: catalogs, memo: &memo), !seen.contains(key) else { continue }
            seen.insert(key)
            headings.append((key, i))
        }
        func heading(_ k: String) -> Int? { headings.first { $0.key == k }?.index }
        func nextHeading(after i: Int) -> Int { headings.map(\.index).filter { $0 > i }.min() ?? cells.count }

        // Table 三: from its header (corner cell, 申请人情况) or first row, to the next section heading.
        let appHeading = heading("applications")
        var t3Anchor: Int? = nil
        var t3HeaderStart: Int? = nil
        let searchFrom = appHeading ?? 0
        for i in min(searchFrom, cells.count)..<cells.count where cells[i].kind == .label {
            let k = cells[i].labelKey
            if t3HeaderStart == nil, k.core.hasPrefix("本列数据的勾稽关系") || k.core == "申请人情况" { t3HeaderStart = i }
            if k.core == "本年新收政府信息公开申请数量" || k.core == "上年结转政府信息公开申请数量" { t3Anchor = i; break }
        }
        if t3Anchor == nil, let h = appHeading {
            t3Anchor = h + 1 < cells.count ? h + 1 : nil
        }
        if let a = t3Anchor {
            let start = min(t3HeaderStart ?? a, a)
            t3 = start..<max(start, nextHeading(after: a))
        }

        // Table 二: from the first 第二十条 caption (or the 二 heading) to the start of table 三.
        let t2Limit = t3?.lowerBound ?? appHeading ?? cells.count
        var t2Start: Int? = nil
        for i in min(heading("proactive") ?? 0, t2Limit)..<t2Limit where cells[i].kind == .label && cells[i].text.hasPrefix("第二十条") {
            t2Start = i
            break
        }
        if t2Start == nil, let h = heading("proactive") { t2Start = h + 1 }
        if let s = t2Start, s < t2Limit {
            let end = min(t2Limit, appHeading.map { $0 > s ? $0 : t2Limit } ?? t2Limit)
            t2 = s..<end
        }

        // Table 四: from the 四 heading (or the first 行政复议 label after table 三) to the next heading.
        let after = t3?.upperBound ?? 0
        var t4Start: Int? = nil
        if let h = heading("review_litigation"), h >= (t3?.lowerBound ?? 0) { t4Start = h + 1 }
        if t4Start == nil {
            for i in after..<cells.count where cells[i].kind == .label && cells[i].labelKey.core == "行政复议" {
                t4Start = i
                break
            }
        }
        if let s = t4Start, s <= cells.count {
            t4 = s..<max(s, nextHeading(after: s))
        }
    }

    /// The section key when `text` is one of the six headings ("一、总体情况", "## 二、主动公开政府信息情况",
    /// "一、2023年政务公开总体情况", …).
    static func sectionKey(_ cell: Cell, catalogs: Catalogs, memo: inout [String: String?]) -> String? {
        guard cell.text.utf8.count <= 120 else { return nil }
        let k: LabelKey
        if let f = cell.text.utf8.first, f == 35 || f == 42 {   // markdown "#", "*"
            var t = Substring(cell.text)
            while let f = t.first, f == "#" || f == " " || f == "*" { t = t.dropFirst() }
            k = LabelKey(String(t))
        } else {
            k = cell.labelKey
        }
        guard k.core.count >= 4 else { return nil }
        switch k.enumerator {
        case .chinese:
            if catalogs.t3.exactMatch(k) != nil { return nil }   // 四、结转下年度继续办理 is a table row
            return catalogs.sections.match(k, memo: &memo)
        case .none: return catalogs.sections.exactMatch(k)     // no numeral: the text must be a known heading
        default: return nil
        }
    }
}
