import Foundation
import NianbaoCore

/// The whole document as one flat sequence of cells, plus its lines (for section texts).
/// Every input shape lands here: table grids (origin cells only, so span copies do not repeat),
/// tab-separated rows, pipe rows, `pdftotext -layout` columns, and one cell per line.
struct CellStream: Sendable {
    var cells: [Cell] = []
    /// Text of each line (text-block lines, headings, paragraphs; grid rows tab-joined).
    var lines: [String] = []

    init(document: Document) {
        for block in document.blocks {
            switch block.kind {
            case .table:
                if let grid = block.table { addGrid(grid) }
            case .heading, .paragraph:
                let t = block.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !t.isEmpty else { continue }
                let line = lines.count
                lines.append(t)
                var c = Cell(text: t, kind: ValueText.kind(of: t), line: line, alone: true)
                c.isHeading = block.kind == .heading
                cells.append(c)
            case .text:
                addText(block.text)
            }
        }
    }

    private mutating func addGrid(_ grid: TableGrid) {
        for (r, row) in grid.rows.enumerated() {
            let line = lines.count
            var texts: [String] = []
            var rowCells: [Cell] = []
            for (c, cell) in row.enumerated() where cell.isOrigin(row: r, column: c) {
                let t = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
                texts.append(t)
                if t.isEmpty {
                    rowCells.append(Cell(text: "", kind: .blank, line: line, alone: false))
                } else {
                    for piece in LineSplitter.splitNumbers(t) {
                        var c = Cell(text: piece)
                        c.line = line
                        rowCells.append(c)
                    }
                }
            }
            lines.append(texts.joined(separator: "\t"))
            // Leading empty cells of a row are span fillers in the label area, never values.
            while let f = rowCells.first, f.kind == .blank { rowCells.removeFirst() }
            if rowCells.count == 1 { rowCells[0].alone = true }
            cells.append(contentsOf: rowCells)
        }
    }

    private mutating func addText(_ text: String) {
        let u = text.utf8
        var start = u.startIndex
        let end = u.endIndex
        while start <= end {
            let nl = u[start...].firstIndex(of: 10) ?? end
            let lineText = text[start..<nl]
            let line = lines.count
            lines.append(String(lineText))
            var pieces = LineSplitter.split(lineText)
            if pieces.count == 1 { pieces[0].alone = true }
            for i in pieces.indices { pieces[i].line = line }
            cells.append(contentsOf: pieces)
            if nl == end { break }
            start = u.index(after: nl)
        }
    }
}
