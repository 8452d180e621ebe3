import Foundation
import NianbaoCore

/// The whole document as one flat sequence of cells, plus its lines (for section texts).
/// Every input shape lands here: table grids (origin cells only, so span copies do not repeat),
/// tab-separated rows, pipe rows, `pdftotext -layout` columns, and one cell per line.
struct CellStream: Sendable {
    var cells: [Cell] = []
    /// Text of each line (text-block lines, headings, paragraphs; grid rows tab-joined).
    var lines: [Substring] = []

    init(document: Document) {
        let size = document.blocks.reduce(0) { $0 + $1.text.utf8.count }
        cells.reserveCapacity(size / 12 + 16)
        lines.reserveCapacity(size / 30 + 16)
        for block in document.blocks {
            switch block.kind {
            case .table:
                if let grid = block.table { addGrid(grid) }
            case .heading, .paragraph:
                if block.kind == .paragraph, block.text == "\u{00A0}" {
                    // `<p>&nbsp;</p>` on a page that flattens a table into one paragraph per cell:
                    // an explicit blank cell, exactly like an NBSP-only line of a text run.
                    addLine(Substring(block.text))
                    continue
                }
                let t = block.text.trimmedWhitespace
                guard !t.isEmpty else { continue }
                let line = lines.count
                lines.append(Substring(t))
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
                let t = cell.text.trimmedWhitespace
                texts.append(t)
                if t.isEmpty {
                    var blank = Cell(text: "", kind: .blank, line: line, alone: false)
                    blank.explicit = true   // an empty <td> is a position in the row
                    rowCells.append(blank)
                } else {
                    for piece in LineSplitter.splitNumbers(t) {
                        var c = Cell(text: piece)
                        c.line = line
                        rowCells.append(c)
                    }
                }
            }
            lines.append(Substring(texts.joined(separator: "\t")))
            // Leading empty cells of a row are span fillers in the label area, never values.
            while let f = rowCells.first, f.kind == .blank { rowCells.removeFirst() }
            if rowCells.count == 1 { rowCells[0].alone = true }
            cells.append(contentsOf: rowCells)
        }
    }

    private mutating func addText(_ text: String) {
        let u = text.utf8
        // Newline offsets from the contiguous bytes (the generic UTF8View search is slow).
        let breaks: [Int] = u.withContiguousStorageIfAvailable { buf in
            var out: [Int] = []
            for i in 0..<buf.count where buf[i] == 10 { out.append(i) }
            return out
        } ?? u.enumerated().compactMap { $0.element == 10 ? $0.offset : nil }
        var start = u.startIndex
        var previous = 0
        for offset in breaks + [u.count] {
            let nl = u.index(start, offsetBy: offset - previous)
            addLine(text[start..<nl])
            if offset == u.count { break }
            start = u.index(after: nl)
            previous = offset + 1
        }
    }

    private mutating func addLine(_ lineText: Substring) {
        let line = lines.count
        lines.append(lineText)
        var pieces = LineSplitter.split(lineText)
        if pieces.count == 1 { pieces[0].alone = true }
        for i in pieces.indices { pieces[i].line = line }
        cells.append(contentsOf: pieces)
    }
}
