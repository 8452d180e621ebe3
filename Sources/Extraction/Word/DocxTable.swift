import NianbaoCore

/// A Word table (w:tbl) as a grid: w:gridSpan is a colspan, w:vMerge="restart" starts a rowspan
/// that following w:vMerge cells in the same grid column continue; w:gridBefore skips columns.
/// Every covered position carries its origin cell's text and position.
enum DocxTable {
    struct RawCell {
        var text: String
        var column: Int
        var span: Int
        var continuesAbove: Bool
    }

    static func grid(_ tbl: DocxNode) -> TableGrid {
        var raw: [[RawCell]] = []
        for tr in rows(tbl) {
            var col = Int(tr.child("trPr")?.child("gridBefore")?.attribute("val") ?? "") ?? 0
            col = min(max(col, 0), 100)
            var cells: [RawCell] = []
            for tc in cellsOf(tr) {
                let tcPr = tc.child("tcPr")
                let span = min(max(Int(tcPr?.child("gridSpan")?.attribute("val") ?? "1") ?? 1, 1), 100)
                var continues = false
                if let vm = tcPr?.child("vMerge") {
                    let val = vm.attribute("val") ?? "continue"
                    continues = val != "restart"
                }
                cells.append(RawCell(text: cellText(tc), column: col, span: span, continuesAbove: continues))
                col += span
            }
            raw.append(cells)
        }
        let width = raw.map { $0.last.map { $0.column + $0.span } ?? 0 }.max() ?? 0
        // origin[r][c] = (row, column, text) of the cell covering position (r, c).
        var origin = [[(Int, Int)?]](repeating: [(Int, Int)?](repeating: nil, count: width), count: raw.count)
        var text: [Int: [Int: String]] = [:]
        for (r, cells) in raw.enumerated() {
            for cell in cells {
                var o = (r, cell.column)
                if cell.continuesAbove, r > 0, let above = origin[r - 1][cell.column] { o = above }
                if o == (r, cell.column) { text[r, default: [:]][cell.column] = cell.text }
                for c in cell.column..<(cell.column + cell.span) { origin[r][c] = o }
            }
        }
        // Spans of each origin.
        var rowSpan: [Int: [Int: Int]] = [:], colSpan: [Int: [Int: Int]] = [:]
        for (r, row) in origin.enumerated() {
            for (c, o) in row.enumerated() {
                guard let o else { continue }
                if o.0 == r { colSpan[o.0, default: [:]][o.1, default: 0] += 1 }
                if o.1 == c { rowSpan[o.0, default: [:]][o.1, default: 0] += 1 }
            }
        }
        let rowsOut: [[GridCell]] = origin.enumerated().map { r, row in
            row.enumerated().map { c, o in
                guard let o else { return GridCell(text: "", originRow: r, originColumn: c) }
                return GridCell(text: text[o.0]?[o.1] ?? "", originRow: o.0, originColumn: o.1,
                                rowSpan: rowSpan[o.0]?[o.1] ?? 1, colSpan: colSpan[o.0]?[o.1] ?? 1)
            }
        }
        return TableGrid(rows: rowsOut)
    }

    /// Rows of this table only (nested tables stay inside their cells).
    static func rows(_ tbl: DocxNode) -> [DocxNode] {
        tbl.children.flatMap { n -> [DocxNode] in
            switch n.name {
            case "tr": return [n]
            case "sdt", "customXml": return (n.child("sdtContent") ?? n).children.filter { $0.name == "tr" }
            default: return []
            }
        }
    }

    static func cellsOf(_ tr: DocxNode) -> [DocxNode] {
        tr.children.flatMap { n -> [DocxNode] in
            switch n.name {
            case "tc": return [n]
            case "sdt", "customXml": return (n.child("sdtContent") ?? n).children.filter { $0.name == "tc" }
            default: return []
            }
        }
    }

    /// The cell's paragraphs joined by line breaks; a nested table contributes its rows' text.
    static func cellText(_ tc: DocxNode) -> String {
        var lines: [String] = []
        for n in tc.children {
            switch n.name {
            case "p": lines.append(DocxBody.paragraphText(n))
            case "tbl": lines += grid(n).rows.map { $0.map(\.text).joined(separator: "\t") }
            default: continue
            }
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
