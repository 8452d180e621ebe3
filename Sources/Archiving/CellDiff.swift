import Foundation
import NianbaoCore

/// The cell-level difference between two versions of a report: every number that changed.
public enum CellDiff {
    /// Cells whose value differs between `old` and `new` (a missing or blank cell counts as nil),
    /// in schema order (2021 paths, then 2019 paths, then any others alphabetically).
    public static func changes(from old: ReportRecord, to new: ReportRecord) -> [CellChange] {
        var paths = Set<String>()
        for c in old.allCells { paths.insert(c.path) }
        for c in new.allCells { paths.insert(c.path) }
        var out: [CellChange] = []
        for path in paths.sorted(by: CellOrder.less) {
            let a = old.cell(path) ?? nil
            let b = new.cell(path) ?? nil
            if a != b { out.append(CellChange(cell: path, from: a, to: b)) }
        }
        return out
    }
}

/// The stable order of cell paths: schema order of the 2021 format, then the 2019 format, then
/// unknown paths alphabetically. Also the column order of the CSV export.
public enum CellOrder {
    /// All known cell paths, 2021 then 2019 (without duplicates).
    public static let schemaPaths: [String] = {
        var seen = Set<String>()
        var out: [String] = []
        for t in ["2021", "2019"] {
            for p in FormatSchema.bundled.format(template: t)?.cellPaths ?? [] where seen.insert(p).inserted { out.append(p) }
        }
        return out
    }()

    static let rank: [String: Int] = Dictionary(uniqueKeysWithValues: schemaPaths.enumerated().map { ($1, $0) })

    public static func less(_ a: String, _ b: String) -> Bool {
        switch (rank[a], rank[b]) {
        case let (x?, y?): return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a < b
        }
    }
}
