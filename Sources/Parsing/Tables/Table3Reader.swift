/// Reads table 三 (收到和处理政府信息公开申请情况): 7 numbers per row, rows found by their labels in
/// whatever columns or lines they sit, with position as the fallback when a label is unreadable
/// (a row whose label is lost takes the next row of the template order).
struct Table3Reader {
    struct Result {
        /// Row key → 7 cells (nil = the position had no cell at all).
        var rows: [String: [Cell?]] = [:]
        /// Row keys in template order, as the record should list them.
        var order: [String] = []
        /// Stream index of the last cell used.
        var end: Int
        var notes: [String] = []
    }

    static let width = 7

    static func read(_ stream: CellStream, range: Range<Int>, template: String, catalogs: Catalogs,
                     memo: inout [String: String?]) -> Result {
        let cells = stream.cells
        var started = false
        let groups = RowGroups.build(cells, range: range, catalog: catalogs.t3, memo: &memo) { _, _, key in
            key.core == "行政复议" || key.core == "行政诉讼"
        }
        var duplicates = 0
        // Rows of both shapes of (六): sub-rows 1-3 or the single r6_other_handling row.
        var sequence = catalogs.t3Rows(template: "2021")
        if let i = sequence.firstIndex(of: "r6_1_no_correction") { sequence.insert("r6_other_handling", at: i) }
        let centers = RowGroups.columnCenters(groups, width: width)
        var result = Result(end: range.lowerBound)
        var current: String? = nil
        var lastIndex = -1
        for g in groups {
            if !started {
                guard g.key == "new_received" || g.key == "carried_over" else { continue }
                started = true
            }
            var key = g.key
            if key == Catalogs.parent { current = nil; continue }
            if key == "r6_other_handling" && g.nonBlankCount == 0 { current = nil; continue }   // (六) as a parent
            if key == nil {
                guard g.nonBlankCount > 0 else { continue }
                // Values after an unknown label: they belong to the current row if it has none yet
                // (label wrapped over lines), else to the next row in template order.
                if let c = current, (result.rows[c]?.compactMap({ $0 }).filter { $0.kind == .value }.count ?? 0) == 0 {
                    key = c
                } else {
                    var next: String? = nil
                    var i = lastIndex + 1
                    while i < sequence.count {
                        let k = sequence[i]
                        if result.rows[k] == nil && !(k == "r6_other_handling" && result.rows["r6_1_no_correction"] != nil)
                            && !(k.hasPrefix("r6_") && k != "r6_other_handling" && result.rows["r6_other_handling"] != nil) {
                            next = k
                            break
                        }
                        i += 1
                    }
                    guard let n = next else { continue }
                    key = n
                    result.notes.append("table 三: row \(n) read by position (label \"\(g.label)\" not recognised)")
                }
            }
            guard let k = key else { continue }
            if let existing = result.rows[k], existing.contains(where: { $0?.kind == .value }) {
                if g.nonBlankCount > 0 {
                    duplicates += 1
                    if duplicates == 1 { result.notes.append("table 三: row \(k) appears again; the first one is kept") }
                }
                continue
            }
            let fitted = RowGroups.align(g.cells, centers).map { (cells: $0, forced: false) } ?? RowGroups.fit(g.cells, width)
            result.rows[k] = fitted.cells
            if fitted.forced && g.nonBlankCount > 0 {
                result.notes.append("table 三: row \(k) has \(g.cells.count) cells for \(width) columns")
            }
            current = k
            if let i = sequence.firstIndex(of: k) { lastIndex = max(lastIndex, i) }
            result.end = max(result.end, g.end)
            if k == "carried_forward" && g.nonBlankCount > 0 { break }
        }
        // Which shape of (六) the report used.
        let hasSub = ["r6_1_no_correction", "r6_2_fee_unpaid", "r6_3_other"].contains { result.rows[$0] != nil }
        let hasOne = result.rows["r6_other_handling"] != nil
        var order = catalogs.t3Rows(template: template)
        if template == "2021" && hasOne && !hasSub, let i = order.firstIndex(of: "r6_1_no_correction") {
            order.removeSubrange(i..<(i + 3))
            order.insert("r6_other_handling", at: i)
        } else if template == "2019" && hasSub && !hasOne, let i = order.firstIndex(of: "r6_other_handling") {
            order.remove(at: i)
            order.insert(contentsOf: ["r6_1_no_correction", "r6_2_fee_unpaid", "r6_3_other"], at: i)
        }
        result.order = order
        return result
    }
}
