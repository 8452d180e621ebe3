import Foundation
import NianbaoCore

/// Renders a Document for people (`nianbao extract`): metadata, notes, attachments, then each block
/// in order, tables as grids with one line per row, cells separated by " | ", span copies shown as
/// "^" (copied from above) or "<" (copied from the left) so the expanded shape is visible.
public enum DocumentPrinter {
    public static func text(_ d: Document) -> String {
        var out: [String] = []
        let m = d.metadata
        let fields: [(String, String?)] = [("source", m.sourceName), ("media type", m.mediaType), ("charset", m.charset),
                                           ("title", m.title), ("published", m.published), ("publisher", m.publisher),
                                           ("index number", m.indexNumber), ("document number", m.documentNumber),
                                           ("pages", m.pageCount.map(String.init))]
        for (k, v) in fields { if let v { out.append("\(k): \(v)") } }
        for n in d.notes { out.append("note: \(n)") }
        for a in d.attachments { out.append("attachment: \(a.text) <\(a.url)>") }
        out.append("blocks: \(d.blocks.count)")
        for (i, b) in d.blocks.enumerated() {
            switch b.kind {
            case .heading: out.append("[\(i)] heading\(b.level.map { " h\($0)" } ?? ""): \(b.text)")
            case .paragraph: out.append("[\(i)] paragraph: \(b.text)")
            case .text: out.append("[\(i)] text:\n\(b.text)")
            case .table:
                guard let g = b.table else { continue }
                out.append("[\(i)] table \(g.rowCount)×\(g.columnCount):")
                out.append(grid(g))
            }
        }
        return out.joined(separator: "\n")
    }

    /// One line per row; origin cells show their text (newlines as "⏎"), span copies "^" or "<".
    public static func grid(_ g: TableGrid) -> String {
        g.rows.enumerated().map { r, row in
            "  " + row.enumerated().map { c, cell in
                if cell.isOrigin(row: r, column: c) { return cell.text.isEmpty ? "∅" : cell.text.replacingOccurrences(of: "\n", with: "⏎") }
                return cell.originRow < r ? "^" : "<"
            }.joined(separator: " | ")
        }.joined(separator: "\n")
    }

    /// Stable JSON (sorted keys), pretty-printed.
    public static func json(_ d: Document) throws -> String {
        try StableJSON.string(d, pretty: true)
    }
}
