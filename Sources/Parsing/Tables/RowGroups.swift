/// A label cell and the value cells that follow it up to the next label: one table row candidate.
struct RowGroup: Sendable {
    /// Matched row key, `Catalogs.parent`, or nil for a label the catalog does not know.
    var key: String?
    var label: String
    var cells: [Cell] = []
    /// Stream index of the label and of the last cell.
    var start: Int
    var end: Int

    var nonBlankCount: Int { cells.reduce(0) { $0 + ($1.kind == .value ? 1 : 0) } }
}

enum RowGroups {
    /// Groups the cells of `range` by label; `stop` ends the walk early (returns true to stop before that cell).
    static func build(_ cells: [Cell], range: Range<Int>, catalog: LabelCatalog, memo: inout [String: String?],
                      stop: (Int, Cell, LabelKey) -> Bool = { _, _, _ in false }) -> [RowGroup] {
        var groups: [RowGroup] = []
        for i in range {
            let cell = cells[i]
            if cell.kind == .label {
                let k = cell.labelKey
                if stop(i, cell, k) { break }
                groups.append(RowGroup(key: catalog.match(k, memo: &memo), label: cell.text, start: i, end: i))
            } else if !groups.isEmpty {
                groups[groups.count - 1].cells.append(cell)
                groups[groups.count - 1].end = i
            }
        }
        return groups
    }

    /// Fits a row's cells to `n` positions: span fillers (blank cells) are trimmed from the edges,
    /// alternately leading then trailing, while there are too many — filler blanks before explicit
    /// (NBSP) blanks; missing positions are nil. Returns the cells in position order and whether the
    /// count had to be forced.
    static func fit(_ cells: [Cell], _ n: Int) -> (cells: [Cell?], forced: Bool) {
        var a = cells[...]
        var leading = true
        func filler(_ c: Cell?) -> Bool { c?.kind == .blank && c?.explicit == false }
        func blank(_ c: Cell?) -> Bool { c?.kind == .blank }
        while a.count > n {
            if leading, filler(a.first) { a = a.dropFirst() }
            else if filler(a.last) { a = a.dropLast() }
            else if filler(a.first) { a = a.dropFirst() }
            else if blank(a.last) { a = a.dropLast() }
            else if blank(a.first) { a = a.dropFirst() }
            else { break }
            leading.toggle()
        }
        var out: [Cell?] = Array(a.prefix(n))
        let forced = a.count != n
        while out.count < n { out.append(nil) }
        return (out, forced)
    }

    /// Column centres of space-aligned text (`pdftotext -layout`), learned from the rows that have
    /// all `width` values; nil when there are none.
    static func columnCenters(_ groups: [RowGroup], width: Int) -> [Double]? {
        var sums = [Double](repeating: 0, count: width)
        var n = 0
        for g in groups {
            let values = g.cells.filter { $0.kind != .blank }
            guard values.count == width, values.allSatisfy({ $0.columnStart >= 0 }) else { continue }
            for (i, c) in values.enumerated() { sums[i] += Double(c.columnStart + c.columnEnd) / 2 }
            n += 1
        }
        return n > 0 ? sums.map { $0 / Double(n) } : nil
    }

    /// A space-aligned row with fewer values than columns: each value goes to the nearest column;
    /// the columns left over are blank (pdftotext prints nothing for a blank cell).
    static func align(_ cells: [Cell], _ centers: [Double]?) -> [Cell?]? {
        guard let centers, centers.count > 1 else { return nil }
        let width = centers.count
        let values = cells.filter { $0.kind != .blank }
        guard !values.isEmpty, values.count < width, values.allSatisfy({ $0.columnStart >= 0 }) else { return nil }
        var out = [Cell?](repeating: nil, count: width)
        var last = -1
        for c in values {
            let mid = Double(c.columnStart + c.columnEnd) / 2
            var best = 0
            for i in 1..<width where abs(centers[i] - mid) < abs(centers[best] - mid) { best = i }
            guard best > last, out[best] == nil else { return nil }
            out[best] = c
            last = best
        }
        for i in 0..<width where out[i] == nil {
            var blank = Cell(text: "", kind: .blank, line: values[0].line, alone: false)
            blank.explicit = true
            out[i] = blank
        }
        return out
    }
}
