import CLibXML2
import NianbaoCore

/// Turns one HTML `<table>` into a TableGrid with rowspan and colspan expanded.
///
/// Only the table's own rows count (`tr` children of the table and of its thead/tbody/tfoot), so a
/// table nested in a cell is not mixed into this grid: it is reported in `nestedTables` and becomes
/// its own grid. Spans are clamped (`maxSpan`, and a rowspan never reaches past the last row);
/// rowspan/colspan of 0 or garbage count as 1. Every grid position a span covers holds a copy of
/// the cell with its origin position; positions no cell covers are empty cells of their own.
/// Everything is iterative: 10,000 nested tables cannot overflow the stack.
struct TableGridBuilder {
    var maxSpan = 100
    /// Widest grid built; cells beyond are dropped (and `truncated` is set).
    var maxColumns = 1000

    struct Result {
        var grid: TableGrid
        /// Tables inside this table's cells (first level only), in document order.
        var nestedTables: [xmlNodePtr]
        var truncated: Bool
    }

    /// The cells of each of the table's own rows.
    static func rows(of table: xmlNodePtr) -> [[xmlNodePtr]] {
        var rows: [[xmlNodePtr]] = []
        var c = table.pointee.children
        while let n = c {
            switch HTMLTag.of(n) {
            case .tr: rows.append(cells(of: n))
            case .thead, .tbody, .tfoot:
                var k = n.pointee.children
                while let r = k {
                    if HTMLTag.of(r) == .tr { rows.append(cells(of: r)) }
                    k = r.pointee.next
                }
            default: break
            }
            c = n.pointee.next
        }
        return rows
    }

    static func cells(of tr: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var c = tr.pointee.children
        while let n = c {
            let t = HTMLTag.of(n)
            if t == .td || t == .th { out.append(n) }
            c = n.pointee.next
        }
        return out
    }

    func build(_ table: xmlNodePtr) -> Result { build(rows: Self.rows(of: table)) }

    func build(rows: [[xmlNodePtr]]) -> Result {
        var nested: [xmlNodePtr] = []
        var truncated = false
        var grid: [[GridCell?]] = Array(repeating: [], count: rows.count)
        for (r, row) in rows.enumerated() {
            var c = 0
            for cell in row {
                while c < grid[r].count, grid[r][c] != nil { c += 1 }
                let rs = min(NodeAccess.span(cell, "rowspan", cap: maxSpan), rows.count - r)
                var cs = NodeAccess.span(cell, "colspan", cap: maxSpan)
                if c + cs > maxColumns { cs = maxColumns - c; truncated = true }
                let text = Self.cellText(cell, nested: &nested)
                if cs <= 0 { continue }
                let gc = GridCell(text: text, originRow: r, originColumn: c, rowSpan: rs, colSpan: cs)
                for rr in r..<(r + rs) {
                    if grid[rr].count < c + cs { grid[rr].append(contentsOf: repeatElement(nil, count: c + cs - grid[rr].count)) }
                    for cc in c..<(c + cs) where grid[rr][cc] == nil { grid[rr][cc] = gc }
                }
                c += cs
            }
        }
        let width = grid.map(\.count).max() ?? 0
        let cells: [[GridCell]] = grid.enumerated().map { r, row in
            (0..<width).map { c in
                if c < row.count, let cell = row[c] { return cell }
                return GridCell(text: "", originRow: r, originColumn: c)
            }
        }
        return Result(grid: TableGrid(rows: cells), nestedTables: nested, truncated: truncated)
    }

    /// A cell's text: every text node in order, `<br>` and block boundaries as "\n", nested tables left out
    /// (and collected).
    static func cellText(_ cell: xmlNodePtr, nested: inout [xmlNodePtr]) -> String {
        var acc = TextAccumulator()
        var stack: [xmlNodePtr?] = []
        var c = cell.pointee.children
        let base = stack.count
        while let n = c { stack.append(n); c = n.pointee.next }
        stack[base...].reverse()
        while let top = stack.popLast() {
            guard let n = top else { acc.lineBreak(); continue }
            if NodeAccess.isText(n) {
                if let t = n.pointee.content { acc.append(t) }
                continue
            }
            guard NodeAccess.isElement(n) else { continue }
            let tag = HTMLTag.of(n)
            if tag.isNeverContent { continue }
            if tag == .br { acc.lineBreak(); continue }
            if tag == .table { nested.append(n); acc.lineBreak(); continue }
            if tag.isBlock {
                acc.lineBreak()
                stack.append(nil)
            }
            let start = stack.count
            var k = n.pointee.children
            while let x = k { stack.append(x); k = x.pointee.next }
            stack[start...].reverse()
        }
        return acc.take()
    }
}
