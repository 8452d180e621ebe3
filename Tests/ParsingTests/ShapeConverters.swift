import Foundation
import NianbaoCore

/// Test-side converters between the text shapes reports arrive in. They read a seed's rows with
/// their own simple rules (not the parser's) and render them as tab rows, one cell per line
/// (blank-line separated, seed 004; tab-indented, seed 003), pipe rows, `pdftotext -layout`
/// columns, or table grids.
enum ShapeConverters {
    /// One cell of a row: text, or nil for a cell left blank on purpose.
    typealias Row = [String?]

    static func isValue(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && (Double(t) != nil || ["-", "—", "/", "无"].contains(t))
    }

    /// Rows of a seed. Tab seeds (000–002): each line, tab fields without the empty span fillers.
    /// One-cell-per-line seeds (003, 004): a label starts a row, values join it; a line holding only
    /// a NBSP is a blank cell; tab-only lines are span fillers and dropped.
    static func rows(_ text: String) -> [Row] {
        let lines = text.components(separatedBy: "\n")
        let tabRows = lines.filter { $0.split(separator: "\t").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count >= 3 }.count
        var out: [Row] = []
        if tabRows >= 10 {
            for l in lines {
                let cells = l.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                if !cells.isEmpty { out.append(cells) }
            }
            return out
        }
        for l in lines {
            if l.isEmpty { continue }
            if l.unicodeScalars.allSatisfy({ $0 == "\u{00A0}" || $0 == " " }) {
                if !out.isEmpty { out[out.count - 1].append(nil) }
                continue
            }
            let t = l.trimmingCharacters(in: CharacterSet(charactersIn: "\t "))
            if t.isEmpty { continue }
            if isValue(t), !out.isEmpty { out[out.count - 1].append(t) } else { out.append([t]) }
        }
        return out
    }

    static func tab(_ rows: [Row]) -> String {
        rows.map { $0.map { $0 ?? "\u{00A0}" }.joined(separator: "\t") }.joined(separator: "\n")
    }

    static func onePerLine(_ rows: [Row]) -> String {
        rows.flatMap { $0.map { $0 ?? "\u{00A0}" } }.joined(separator: "\n\n")
    }

    static func indented(_ rows: [Row]) -> String {
        rows.map { $0.map { "\t" + ($0 ?? "\u{00A0}") }.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    static func pipe(_ rows: [Row]) -> String {
        rows.map { row in row.count == 1 ? row[0] ?? "" : "| " + row.map { $0 ?? "" }.joined(separator: " | ") + " |" }
            .joined(separator: "\n")
    }

    static func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }

    /// Fixed-width columns as pdftotext -layout prints them: labels padded, values right-aligned in
    /// 8-column fields, a blank cell printed as spaces.
    static func layout(_ rows: [Row]) -> String {
        rows.map { row in
            guard row.count > 1 else { return row.first.map { $0 ?? "" } ?? "" }
            // Labels share one fixed-width label area, so value columns line up across rows.
            let labels = row.prefix { $0.map { !isValue($0) } ?? false }
            var line = labels.map { $0 ?? "" }.joined(separator: "  ")
            line += String(repeating: " ", count: max(2, 130 - width(line)))
            for v in row.dropFirst(labels.count) {
                let t = v ?? ""
                line += String(repeating: " ", count: max(2, 8 - width(t))) + t
            }
            return line
        }.joined(separator: "\n")
    }

    /// Table grids: consecutive multi-cell rows form one grid (ragged, one origin cell per position,
    /// blank = empty cell); single-cell rows become paragraphs, or headings when they look like one.
    static func gridDocument(_ rows: [Row], name: String) -> Document {
        var blocks: [Block] = []
        var pending: [[String]] = []
        func flush() {
            if !pending.isEmpty { blocks.append(.table(TableGrid(strings: pending))) }
            pending = []
        }
        for row in rows {
            if row.count > 1 || row.first.map({ $0.map(isValue) ?? true }) == true {
                pending.append(row.map { $0 ?? "" })
            } else {
                flush()
                blocks.append(.paragraph(row.first.flatMap { $0 } ?? ""))
            }
        }
        flush()
        return Document(metadata: DocumentMetadata(mediaType: "text/html", sourceName: name), blocks: blocks)
    }
}
