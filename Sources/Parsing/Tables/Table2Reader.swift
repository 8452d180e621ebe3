import NianbaoCore

/// Reads table 二 (主动公开政府信息情况): stacked blocks under 第二十条第（N）项 captions. Rows are found
/// by label (row keys are unique across the blocks, so captions are not needed); each row takes as many
/// values as its block has columns. Span copies are already gone (grids keep origin cells only) and
/// trailing filler cells of tab exports are trimmed.
struct Table2Reader {
    struct Result {
        /// "art20_1.regulations" → cells in column order.
        var rows: [String: [Cell?]] = [:]
        var end: Int
        var notes: [String] = []
    }

    static func read(_ stream: CellStream, range: Range<Int>, template: String, catalogs: Catalogs,
                     memo: inout [String: String?]) -> Result {
        var result = Result(end: range.lowerBound)
        guard let catalog = catalogs.t2[template], let format = catalogs.schema.format(template: template) else { return result }
        var widths: [String: Int] = [:]
        for sub in format.table("t2")?.subtables ?? [] { widths[sub.key] = sub.columns.count }
        let groups = RowGroups.build(stream.cells, range: range, catalog: catalog, memo: &memo)
        // Column centres per block, for space-aligned rows with blank cells.
        var centers: [String: [Double]] = [:]
        for (sub, w) in widths where w > 1 {
            let mine = groups.filter { g in g.key.map { $0.hasPrefix(sub + ".") } ?? false }
            centers[sub] = RowGroups.columnCenters(mine, width: w)
        }
        for g in groups {
            if g.key == nil, g.nonBlankCount > 0 {
                // A row the template does not have (Hubei's 其他主动公开文件): said, not stored.
                result.notes.append("table 二: row \"\(g.label)\" is not in the \(template) template; its \(g.nonBlankCount) value(s) are not recorded")
                continue
            }
            guard let key = g.key, key != Catalogs.parent, result.rows[key] == nil, !g.cells.isEmpty else { continue }
            let sub = String(key.prefix { $0 != "." })
            let width = widths[sub] ?? 1
            let fitted = RowGroups.align(g.cells, centers[sub]).map { (cells: $0, forced: false) } ?? RowGroups.fit(g.cells, width)
            result.rows[key] = fitted.cells
            if fitted.forced && g.nonBlankCount > width {
                result.notes.append("table 二: row \(key) has \(g.nonBlankCount) values for \(width) columns")
            }
            result.end = max(result.end, g.end)
        }
        return result
    }
}
