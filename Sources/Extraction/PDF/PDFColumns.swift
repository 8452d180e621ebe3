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

    /// Label columns as x-ranges, found from the narrowest label text up: a piece of text that
    /// overlaps one range widens it, one that overlaps none starts a new range, and one that
    /// overlaps several is a label spanning columns (it defines none). Works for left-aligned and
    /// centred label cells alike. At most 4 columns (the closest ones are merged).
    static func labelColumns(_ segs: [PDFSegment], em: Double) -> [PDFColumnRange] {
        var cols: [PDFColumnRange] = []
        for s in segs.sorted(by: { ($0.x1 - $0.x0) < ($1.x1 - $1.x0) }) {
            let hits = cols.indices.filter { min(cols[$0].x1, s.x1) - max(cols[$0].x0, s.x0) > -0.2 * em }
            if hits.isEmpty {
                cols.append(PDFColumnRange(x0: s.x0, x1: s.x1))
            } else if hits.count == 1 {
                cols[hits[0]].x0 = min(cols[hits[0]].x0, s.x0)
                cols[hits[0]].x1 = max(cols[hits[0]].x1, s.x1)
            }
        }
        cols.sort { $0.x0 < $1.x0 }
        // Ranges that grew into each other are one column.
        var merged: [PDFColumnRange] = []
        for c in cols {
            if let last = merged.last, c.x0 <= last.x1 {
                merged[merged.count - 1].x1 = max(last.x1, c.x1)
            } else {
                merged.append(c)
            }
        }
        while merged.count > 4 {
            var best = 1
            for i in 1..<merged.count where merged[i].x0 - merged[i - 1].x1 < merged[best].x0 - merged[best - 1].x1 { best = i }
            merged[best - 1].x1 = merged[best].x1
            merged.remove(at: best)
        }
        return merged
    }

    /// The label column of a piece of text: the leftmost range it overlaps, else the nearest.
    static func nearestLabel(_ cols: [PDFColumnRange], _ s: PDFSegment) -> Int {
        guard !cols.isEmpty else { return 0 }
        if let i = cols.firstIndex(where: { min($0.x1, s.x1) - max($0.x0, s.x0) > 0 }) { return i }
        var best = 0
        for (i, c) in cols.enumerated() where abs(c.center - s.centerX) < abs(cols[best].center - s.centerX) { best = i }
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
        let ems = segs.filter { !$0.isNumber }.map(\.em).sorted()
        if ems.isEmpty { return segs.map(\.em).sorted().dropFirst(segs.count / 2).first ?? 10 }
        return ems[ems.count / 2]
    }
}
