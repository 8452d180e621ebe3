import Foundation
import NianbaoCore
import Archiving

/// What `rebuild --dry-run` reports: for each report, the current version now on disk against the
/// current version a rebuild would produce — numbers and findings only.
enum RebuildDryRun {
    static func changes(old: [ReportKey: [ReportVersion]], new: [ReportKey: [ReportVersion]]) -> [ReportChange] {
        var out: [ReportChange] = []
        for key in Set(old.keys).union(new.keys).sorted() {
            switch (old[key]?.last, new[key]?.last) {
            case (nil, _?): out.append(ReportChange(reportID: key.reportID, kind: .added, cells: [], findingsAdded: [], findingsRemoved: []))
            case (_?, nil): out.append(ReportChange(reportID: key.reportID, kind: .removed, cells: [], findingsAdded: [], findingsRemoved: []))
            case let (a?, b?):
                let cells = CellDiff.changes(from: a.record, to: b.record)
                let fa = Set(a.record.findings.map(describe)), fb = Set(b.record.findings.map(describe))
                let added = fb.subtracting(fa).sorted(), removed = fa.subtracting(fb).sorted()
                if !cells.isEmpty || !added.isEmpty || !removed.isEmpty {
                    out.append(ReportChange(reportID: key.reportID, kind: .changed, cells: cells, findingsAdded: added, findingsRemoved: removed))
                }
            default: break
            }
        }
        return out
    }

    static func describe(_ f: Finding) -> String {
        "\(f.rule) \(f.severity.rawValue) [\(f.cells.joined(separator: ","))]"
    }
}
