import NianbaoCore

/// An x-range that holds one column's cells.
struct PDFColumnRange: Sendable {
    var x0: Double
    var x1: Double
    var center: Double { (x0 + x1) / 2 }
}

/// A piece of text placed in a grid column.
struct PDFFragment: Sendable {
    var seg: PDFSegment
    var col: Int
}

/// One line holding numbers: a table row's values, by value column.
struct PDFDataRow: Sendable {
    var y0: Double
    var y1: Double
    var values: [String]
}

/// A finished grid row before the rows are sorted by position.
struct PDFGridRow: Sendable {
    struct Cell: Sendable {
        var text: String
        /// Offset (in rows) back to the origin of a rowspan, and the origin's span; 0/1 otherwise.
        var rowsBack = 0
        var rowSpan = 1
        /// Offset (in columns) back to the origin of a colspan, and the origin's span.
        var colsBack = 0
        var colSpan = 1
        /// Rowspan cells of the label columns: rows sharing an id are one cell (offsets are
        /// filled in by `grid` once the rows are in order).
        var spanID: Int? = nil
    }
    var y: Double
    var cells: [Cell]

    /// Lays the rows out as a TableGrid; span copies carry their origin's text and position.
    static func grid(_ rows: [PDFGridRow], width: Int) -> TableGrid {
        var first: [Int: Int] = [:], count: [Int: Int] = [:]
        for (r, row) in rows.enumerated() {
            for id in Set(row.cells.compactMap(\.spanID)) {
                if first[id] == nil { first[id] = r }
                count[id, default: 0] += 1
            }
        }
        var out: [[GridCell]] = []
        for (r, row) in rows.enumerated() {
            var cells: [GridCell] = []
            for c in 0..<width {
                var cell = c < row.cells.count ? row.cells[c] : Cell(text: "")
                if let id = cell.spanID, let f = first[id] {
                    cell.rowsBack = r - f
                    cell.rowSpan = count[id] ?? 1
                }
                cells.append(GridCell(text: cell.text, originRow: r - cell.rowsBack, originColumn: c - cell.colsBack,
                                      rowSpan: cell.rowSpan, colSpan: cell.colSpan))
            }
            out.append(cells)
        }
        return TableGrid(rows: out)
    }
}

enum PDFColumns {
    /// Clusters the numbers into columns: numbers of one column overlap horizontally whether
    /// they are left-aligned, centred or right-aligned.
    static func valueColumns(_ numbers: [PDFSegment]) -> [PDFColumnRange] {
        var cols: [PDFColumnRange] = []
        for s in numbers.sorted(by: { $0.x0 < $1.x0 }) {
            if let last = cols.last, s.x0 <= last.x1 + 1 {
                cols[cols.count - 1].x1 = max(last.x1, s.x1)
            } else {
                cols.append(PDFColumnRange(x0: s.x0, x1: s.x1))
            }
        }
        return cols
    }

    /// Left edges of label text, clustered (tolerance 1 em); at most 4 label columns.
    static func labelColumns(_ segs: [PDFSegment], em: Double) -> [Double] {
        var edges: [[Double]] = []
        for x in segs.map(\.x0).sorted() {
            if let last = edges.last?.last, x - last <= em { edges[edges.count - 1].append(x) } else { edges.append([x]) }
        }
        var cols = edges.map { $0.min()! }
        while cols.count > 4 {
            var best = 1
            for i in 1..<cols.count where cols[i] - cols[i - 1] < cols[best] - cols[best - 1] { best = i }
            cols.remove(at: best)
        }
        return cols
    }

    static func nearestLabel(_ cols: [Double], _ x: Double) -> Int {
        guard !cols.isEmpty else { return 0 }
        var best = 0
        for (i, c) in cols.enumerated() where abs(c - x) < abs(cols[best] - x) { best = i }
        return best
    }

    /// The value column a segment belongs to: the one it overlaps most, else the nearest centre.
    static func bestValue(_ cols: [PDFColumnRange], _ s: PDFSegment) -> Int {
        var best = -1
        var bestOverlap = 0.0
        for (i, c) in cols.enumerated() {
            let overlap = min(c.x1, s.x1) - max(c.x0, s.x0)
            if overlap > bestOverlap { bestOverlap = overlap; best = i }
        }
        if best >= 0 { return best }
        best = 0
        for (i, c) in cols.enumerated() where abs(c.center - s.centerX) < abs(cols[best].center - s.centerX) { best = i }
        return best
    }

    static func medianEm(_ segs: [PDFSegment]) -> Double {
        let ems = segs.filter { !PDFCellText.isNumber($0.text) }.map(\.em).sorted()
        if ems.isEmpty { return segs.map(\.em).sorted().dropFirst(segs.count / 2).first ?? 10 }
        return ems[ems.count / 2]
    }
}

/// Header rows: fragments of one column on nearby lines (gap ≤ 2.5 em) are one wrapped cell;
/// cells go into the same row while they overlap vertically and their column is free.
enum PDFHeaderRows {
    /// A header over several columns ("法人或其他组织", "未经复议直接起诉") crosses the boundary
    /// between two value columns; it is never joined with the sub-headers under it.
    static func spansColumns(_ s: PDFSegment, _ cols: [PDFColumnRange], em: Double) -> Bool {
        guard cols.count > 1 else { return false }
        for i in 1..<cols.count {
            let boundary = (cols[i - 1].center + cols[i].center) / 2
            if s.x0 < boundary - 0.5 * em && s.x1 > boundary + 0.5 * em { return true }
        }
        return false
    }

    static func rows(_ frags: [PDFFragment], em: Double, valueColumns: [PDFColumnRange] = []) -> [PDFGridRow] {
        guard !frags.isEmpty else { return [] }
        let width = (frags.map(\.col).max() ?? 0) + 1
        // Merge wrapped pieces per column.
        var cells: [(col: Int, y0: Double, y1: Double, pieces: [String], spanning: Bool)] = []
        for f in frags.sorted(by: { $0.seg.y0 < $1.seg.y0 || ($0.seg.y0 == $1.seg.y0 && $0.seg.x0 < $1.seg.x0) }) {
            let spanning = spansColumns(f.seg, valueColumns, em: em)
            if let i = cells.lastIndex(where: { $0.col == f.col }), f.seg.y0 - cells[i].y1 <= 2.5 * em,
               !spanning, !cells[i].spanning, !PDFCellText.isCaption(cells[i].pieces[0]), !PDFCellText.startsEnumerated(f.seg.text) {
                cells[i].y1 = max(cells[i].y1, f.seg.y1)
                cells[i].pieces.append(f.seg.text)
            } else {
                cells.append((f.col, f.seg.y0, f.seg.y1, [f.seg.text], spanning))
            }
        }
        var out: [(y0: Double, y1: Double, texts: [Int: String])] = []
        for c in cells.sorted(by: { $0.y0 < $1.y0 }) {
            let text = TextJoin.joinWrapped(c.pieces)
            if let last = out.indices.last, c.y0 < out[last].y1, out[last].texts[c.col] == nil {
                out[last].texts[c.col] = text
                out[last].y1 = max(out[last].y1, c.y1)
            } else {
                out.append((c.y0, c.y1, [c.col: text]))
            }
        }
        return out.map { r in
            PDFGridRow(y: r.y0 - 10_000, cells: (0..<max(width, 1)).map { PDFGridRow.Cell(text: r.texts[$0] ?? "") })
        }
    }
}
