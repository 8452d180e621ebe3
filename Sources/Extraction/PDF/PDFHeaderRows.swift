import NianbaoCore

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
        var cells: [(col: Int, y0: Double, y1: Double, pieces: [String], spanning: Bool, firstY1: Double)] = []
        for f in frags.sorted(by: { $0.seg.y0 < $1.seg.y0 || ($0.seg.y0 == $1.seg.y0 && $0.seg.x0 < $1.seg.x0) }) {
            let spanning = spansColumns(f.seg, valueColumns, em: em)
            // A caption line with fewer pieces than the line under it ("行政复议 … 行政诉讼" over ten
            // sub-headers) is a row of its own, not the first line of a wrapped cell.
            func piecesOnLine(_ y: Double) -> Int { frags.filter { abs(($0.seg.y0 + $0.seg.y1) / 2 - y) < 0.4 * em }.count }
            if let i = cells.lastIndex(where: { $0.col == f.col }), f.seg.y0 - cells[i].y1 <= 2.5 * em,
               piecesOnLine((cells[i].y0 + cells[i].firstY1) / 2) >= piecesOnLine((f.seg.y0 + f.seg.y1) / 2),
               !spanning, !cells[i].spanning, !PDFCellText.isCaption(cells[i].pieces[0]), !PDFCellText.startsEnumerated(f.seg.text) {
                cells[i].y1 = max(cells[i].y1, f.seg.y1)
                cells[i].pieces.append(f.seg.text)
            } else {
                cells.append((f.col, f.seg.y0, f.seg.y1, [f.seg.text], spanning, f.seg.y1))
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
