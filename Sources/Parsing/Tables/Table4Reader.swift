/// Reads table 四 (行政复议、行政诉讼): one data row of 15 numbers after a three-level header. The
/// header's labels and span fillers are skipped; the values are the longest run of value cells
/// (or, when a converter split the row into pieces, the pieces in order).
struct Table4Reader {
    struct Result {
        var cells: [Cell?]
        var start: Int
        var end: Int
        var notes: [String] = []
    }

    static let width = 15

    static func read(_ stream: CellStream, range: Range<Int>) -> Result? {
        let cells = stream.cells
        var runs: [(cells: [Cell], values: Int, start: Int, end: Int)] = []
        var cur: [Cell] = []
        var values = 0
        var runStart = range.lowerBound
        func close(_ end: Int) {
            if values > 0 { runs.append((cur, values, runStart, end)) }
            cur = []
            values = 0
        }
        for i in range {
            let c = cells[i]
            if c.kind == .label {
                close(i - 1)
                runStart = i + 1
                if runs.contains(where: { $0.values >= width }) { break }
            } else {
                if cur.isEmpty { runStart = i }
                cur.append(c)
                if c.kind == .value { values += 1 }
            }
        }
        close(range.upperBound - 1)
        guard !runs.isEmpty else { return nil }
        var notes: [String] = []
        var chosen: [Cell]
        var start: Int, end: Int
        if let best = runs.first(where: { $0.values >= width }) {
            chosen = best.cells; start = best.start; end = best.end
        } else {
            // A converter split the row into pieces (three 5-cell tables): take them in order.
            chosen = runs.flatMap(\.cells)
            start = runs[0].start; end = runs[runs.count - 1].end
            if runs.count > 1 { notes.append("table 四: row assembled from \(runs.count) pieces") }
        }
        let fitted = RowGroups.fit(chosen, width)
        if fitted.forced { notes.append("table 四: \(chosen.count) cells for \(width) columns") }
        return Result(cells: fitted.cells, start: start, end: end, notes: notes)
    }
}
