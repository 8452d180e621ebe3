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
        let numeric = allSegs.filter { PDFCellText.isNumber($0.text) }
        let valueCols = PDFColumns.valueColumns(numeric)
        guard !valueCols.isEmpty else { return nil }
        let firstValueX = valueCols[0].x0
        let em = PDFColumns.medianEm(allSegs)
        func isLabelZone(_ s: PDFSegment) -> Bool { s.centerX < firstValueX - 0.5 * em && s.x1 < firstValueX + em }
        let labelCols = PDFColumns.labelColumns(allSegs.filter(isLabelZone), em: em)
        let L = labelCols.count, V = valueCols.count
        func column(_ s: PDFSegment) -> Int {
            isLabelZone(s) ? PDFColumns.nearestLabel(labelCols, s.x0) : L + PDFColumns.bestValue(valueCols, s)
        }
        // Classify lines.
        guard let firstData = lines.firstIndex(where: { $0.segments.contains { !isLabelZone($0) && PDFCellText.isNumber($0.text) } }) else { return nil }
        var rows: [PDFGridRow] = []
        // Header zone.
        let headerFrags = lines[..<firstData].flatMap { $0.segments.map { PDFFragment(seg: $0, col: column($0)) } }
        rows += PDFHeaderRows.rows(headerFrags, em: em, valueColumns: valueCols)
        // Data zone.
        var dataRows: [PDFDataRow] = []
        var labelFrags: [PDFFragment] = []
        for line in lines[firstData...] {
            let valueSegs = line.segments.filter { !isLabelZone($0) }
            let hasNumber = valueSegs.contains { PDFCellText.isNumber($0.text) }
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
                dataRows.append(PDFDataRow(y0: line.y0, y1: line.y1, values: values))
            }
            labelFrags += line.segments.filter(isLabelZone).map { PDFFragment(seg: $0, col: column($0)) }
        }
        if L == 0 {
            rows += dataRows.map { d in PDFGridRow(y: d.y0, cells: d.values.map { PDFGridRow.Cell(text: $0) }) }
        } else {
            rows += PDFLabelAssigner(L: L, V: V, em: em, dataRows: dataRows, fragments: labelFrags).rows()
        }
        let sortedRows = rows.sorted { $0.y < $1.y }
        return PDFGridRow.grid(sortedRows, width: L + V)
    }
}

/// Recognising the text of value cells.
enum PDFCellText {
    /// A number as printed in a cell: 1362, 96171.6, 3,119, -8, +1036, 251000元, 12件.
    static func isNumber(_ text: String) -> Bool {
        var t = Substring(text.filter { !$0.isWhitespace })
        for unit in ["万元", "元", "件", "个", "%"] where t.hasSuffix(unit) { t = t.dropLast(unit.count); break }
        if t.first == "+" || t.first == "-" { t = t.dropFirst() }
        guard let f = t.first, f.isASCIIDigitChar else { return false }
        var dots = 0
        for c in t {
            if c == "." { dots += 1; continue }
            if c == "," || c == "，" { continue }
            if !c.isASCIIDigitChar { return false }
        }
        return dots <= 1 && t.last != "."
    }

    /// A number or a dash-like placeholder ("-", "—", "/", "无").
    static func isValueLike(_ text: String) -> Bool {
        let t = text.filter { !$0.isWhitespace }
        return isNumber(t) || ["-", "—", "－", "——", "/", "／", "无", "–"].contains(t)
    }

    /// A caption row of table 二: "第二十条第（一）项".
    static func isCaption(_ text: String) -> Bool {
        let t = text.drop { $0.isWhitespace }
        guard t.first == "第" else { return false }
        let digits: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"]
        let n = t.dropFirst().prefix { digits.contains($0) || $0.isASCIIDigitChar }
        return !n.isEmpty && t.dropFirst(1 + n.count).first == "条"
    }

    /// A label that starts a new row: "一、", "（三）", "(3)", "1.", "2、", "第二十条…".
    static func startsEnumerated(_ text: String) -> Bool {
        let t = text.drop { $0.isWhitespace }
        guard let f = t.first else { return false }
        if isCaption(text) { return true }
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        if f == "（" || f == "(" {
            let inner = t.dropFirst().prefix { numerals.contains($0) || $0.isASCIIDigitChar }
            let rest = t.dropFirst(1 + inner.count)
            return !inner.isEmpty && (rest.first == "）" || rest.first == ")")
        }
        if numerals.contains(f) {
            let n = t.prefix { numerals.contains($0) }
            return t.dropFirst(n.count).first == "、"
        }
        if f.isASCIIDigitChar {
            let n = t.prefix { $0.isASCIIDigitChar }
            guard let sep = t.dropFirst(n.count).first else { return false }
            return sep == "." || sep == "、" || sep == "．"
        }
        return false
    }
}
