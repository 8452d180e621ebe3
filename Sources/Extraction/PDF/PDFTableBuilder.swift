import NianbaoCore

/// Rebuilds a table grid from the lines of one table region by column position.
///
/// Value columns come from the numbers (their x-ranges overlap within a column); label columns
/// from the left edges of the text left of the first value column. Lines above the first row of
/// numbers are header rows (a header cell wrapped over lines, "商业企 / 业", is joined). Label
/// text is grouped per label column into blocks (wrapped lines, a vertical label written one
/// character per line); a block that covers one row of numbers labels that row, one covering
/// none is a row of its own (a caption, or a row whose cells are blank), and a block in an outer
/// label column above rows labelled further right ("（三）不予公开", "三、本年度办理结果") spans
/// those rows, as a rowspan cell.
///
/// The grid: header rows, then one row per table row, label cells then value cells, blanks empty.
struct PDFTableBuilder {
    var lines: [PDFLine]

    func build() -> TableGrid? {
        let allSegs = lines.flatMap(\.segments)
        let numeric = allSegs.filter { $0.isNumber }
        let valueCols = PDFColumns.valueColumns(numeric)
        guard !valueCols.isEmpty else { return nil }
        let firstValueX = valueCols[0].x0
        let em = PDFColumns.medianEm(allSegs)
        func isLabelZone(_ s: PDFSegment) -> Bool { s.centerX < firstValueX - 0.5 * em && s.x1 < firstValueX + em }
        let labelCols = PDFColumns.labelColumns(allSegs.filter(isLabelZone), em: em)
        let L = labelCols.count, V = valueCols.count
        func column(_ s: PDFSegment) -> Int {
            isLabelZone(s) ? PDFColumns.nearestLabel(labelCols, s) : L + PDFColumns.bestValue(valueCols, s)
        }
        // Classify lines.
        guard let firstData = lines.firstIndex(where: { $0.segments.contains { !isLabelZone($0) && $0.isNumber } }) else { return nil }
        var rows: [PDFGridRow] = []
        // Header zone.
        let headerFrags = lines[..<firstData].flatMap { $0.segments.map { PDFFragment(seg: $0, col: column($0)) } }
        rows += PDFHeaderRows.rows(headerFrags, em: em, valueColumns: valueCols)
        // Data zone.
        var dataRows: [PDFDataRow] = []
        var labelFrags: [PDFFragment] = []
        for line in lines[firstData...] {
            let valueSegs = line.segments.filter { !isLabelZone($0) }
            let hasNumber = valueSegs.contains { $0.isNumber }
            let hasWords = valueSegs.contains { !PDFCellText.isValueLike($0.text) }
            if hasWords && !hasNumber {
                // An inner header line (table 二's stacked blocks: "信息内容 | 本年处理决定数量").
                var cells = [String](repeating: "", count: L + V)
                for s in line.segments { let c = column(s); cells[c] = TextJoin.joinWrapped([cells[c], s.text]) }
                rows.append(PDFGridRow(y: line.y0, cells: cells.map { PDFGridRow.Cell(text: $0) }))
                continue
            }
            if hasNumber || !valueSegs.isEmpty {
                var values = [String](repeating: "", count: V)
                for s in valueSegs { let c = column(s) - L; values[c] = values[c] + s.text }
                // The row's vertical extent is its numbers' (a vertical label beside them is taller).
                let y0 = valueSegs.map(\.y0).min() ?? line.y0, y1 = valueSegs.map(\.y1).max() ?? line.y1
                dataRows.append(PDFDataRow(y0: y0, y1: y1, values: values))
            }
            labelFrags += line.segments.filter(isLabelZone).map { PDFFragment(seg: $0, col: column($0)) }
        }
        if L == 0 {
            rows += dataRows.map { d in PDFGridRow(y: d.y0, cells: d.values.map { PDFGridRow.Cell(text: $0) }) }
        } else {
            rows += PDFLabelAssigner(L: L, V: V, em: em, dataRows: dataRows, fragments: Self.followWrappedText(labelFrags, em: em)).rows()
        }
        let sortedRows = rows.sorted { $0.y < $1.y }
        return PDFGridRow.grid(sortedRows, width: L + V)
    }
}

extension PDFTableBuilder {
    /// A line of centred label text wrapped inside its cell may be narrow enough to fall inside a
    /// deeper label column ("（二）部分公开（…不计其" / "他情形）"): a piece that is not numbered,
    /// sits right under a wider piece and within its width, stays in that piece's column.
    static func followWrappedText(_ frags: [PDFFragment], em: Double) -> [PDFFragment] {
        var out = frags.sorted { $0.seg.y0 < $1.seg.y0 }
        for i in out.indices where !PDFCellText.startsEnumerated(out[i].seg.text) {
            let f = out[i].seg
            guard let j = out[..<i].lastIndex(where: { min($0.seg.x1, f.x1) - max($0.seg.x0, f.x0) > 0 }) else { continue }
            let p = out[j].seg
            if f.y0 - p.y1 <= 1.3 * em, f.y0 > p.y0, p.x0 <= f.centerX, f.centerX <= p.x1, p.x1 - p.x0 > f.x1 - f.x0 {
                out[i].col = out[j].col
            }
        }
        return out
    }
}
