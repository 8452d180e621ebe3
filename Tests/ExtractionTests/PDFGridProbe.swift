import Foundation
import NianbaoCore
@testable import Extraction

/// Reads tables back out of a Document for the PDF and Word tests: the table that holds a label,
/// and its rows of numbers as (label text, value texts).
enum GridProbe {
    static func tables(_ doc: Document) -> [TableGrid] { doc.blocks.compactMap(\.table) }

    static func table(_ doc: Document, containing text: String) -> TableGrid? {
        tables(doc).first { $0.rows.contains { $0.contains { $0.text.contains(text) } } }
    }

    /// Rows whose last `width` cells are numbers or blanks (at least one number); the label is the
    /// distinct texts of the cells before them, joined by "|". A value cell copied from a colspan
    /// to its left (table 二's single-value cells) counts as blank.
    static func valueRows(_ grid: TableGrid, width: Int) -> [(label: String, values: [String])] {
        grid.rows.enumerated().compactMap { r, row in
            guard row.count >= width else { return nil }
            let first = row.count - width
            let values = row.enumerated().suffix(width).map { c, cell in
                cell.originRow == r && cell.originColumn != c && cell.originColumn >= first ? "" : cell.text
            }
            guard values.allSatisfy({ $0.isEmpty || PDFCellText.isNumber($0) }),
                  values.contains(where: { !$0.isEmpty }) else { return nil }
            var labels: [String] = []
            for cell in row.dropLast(width) where !cell.text.isEmpty && labels.last != cell.text { labels.append(cell.text) }
            return (labels.joined(separator: "|"), values)
        }
    }

    /// "3119" → 3119, "96171.6" → 96171.6, "" → nil.
    static func number(_ s: String) -> Double? { Double(s.filter { $0 != "," }) }
}
