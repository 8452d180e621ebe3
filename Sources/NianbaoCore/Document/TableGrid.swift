/// A table with rowspan and colspan expanded: every grid position holds a cell, and a cell
/// that a span copied into a position knows the position of its origin.
public struct TableGrid: Codable, Sendable, Equatable {
    public var rows: [[GridCell]]

    public init(rows: [[GridCell]]) { self.rows = rows }

    /// A grid from plain strings, every cell its own origin.
    public init(strings: [[String]]) {
        rows = strings.enumerated().map { r, row in
            row.enumerated().map { c, text in GridCell(text: text, originRow: r, originColumn: c) }
        }
    }

    public var rowCount: Int { rows.count }
    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// The text of each row, origin cells only (span copies left empty), joined by tabs.
    public var tabSeparated: String {
        rows.enumerated().map { r, row in
            row.enumerated().map { c, cell in cell.isOrigin(row: r, column: c) ? cell.text : "" }
                .joined(separator: "\t")
        }.joined(separator: "\n")
    }
}

public struct GridCell: Codable, Sendable, Equatable {
    /// The cell's text: every text node concatenated in order, `<br>` as "\n".
    public var text: String
    /// Grid position of the source cell this position was filled from.
    public var originRow: Int
    public var originColumn: Int
    /// The source cell's spans (1 when not spanning).
    public var rowSpan: Int
    public var colSpan: Int

    public init(text: String, originRow: Int, originColumn: Int, rowSpan: Int = 1, colSpan: Int = 1) {
        self.text = text
        self.originRow = originRow
        self.originColumn = originColumn
        self.rowSpan = rowSpan
        self.colSpan = colSpan
    }

    /// True when this grid position is where the source cell starts (not a span copy).
    public func isOrigin(row: Int, column: Int) -> Bool { originRow == row && originColumn == column }
}
