import Foundation
import NianbaoCore

/// `nianbao export`: the archive's report versions as CSV, JSON Lines or SQLite, read from reports/.
public struct Exporter: Sendable {
    public enum Format: String, Sendable, CaseIterable { case csv, jsonl, sqlite }

    /// The fixed leading columns of the wide CSV, before one column per cell path.
    public static let leadingColumns = ["report_id", "site", "agency", "year", "template", "url", "sha256", "published",
                                        "version", "is_current", "first_seen", "last_seen", "capture_id", "findings"]
    public static let findingColumns = ["report_id", "version", "agency", "year", "rule", "severity", "cells", "expected", "actual", "message"]

    public let archive: Archive
    public init(archive: Archive) { self.archive = archive }

    /// What was written.
    public struct Result: Sendable {
        public var files: [URL]
        public var versions: Int
    }

    /// Every report version, ordered by report id then version, with `isCurrent`.
    public func versions() throws -> [(version: ReportVersion, isCurrent: Bool)] {
        let (reports, problems) = ReportFiles.loadAll(reportsDir: archive.reportsDirectory)
        if let first = problems.first { throw ArchiveError.corrupt(path: "reports/", reason: first) }
        var out: [(ReportVersion, Bool)] = []
        for key in reports.keys.sorted(by: { $0.reportID < $1.reportID }) {
            let vs = reports[key]!
            for (i, v) in vs.enumerated() { out.append((v, i == vs.count - 1)) }
        }
        return out
    }

    /// Writes `out` (and for CSV a findings file beside it: `<name>-findings.csv`).
    /// `excel` prefixes each CSV with a UTF-8 BOM.
    public func export(format: Format, to out: URL, excel: Bool = false) throws -> Result {
        let all = try versions()
        switch format {
        case .csv:
            let findingsURL = Self.findingsURL(for: out)
            try AtomicFile.write(csv(all, excel: excel), to: out)
            try AtomicFile.write(findingsCSV(all, excel: excel), to: findingsURL)
            return Result(files: [out, findingsURL], versions: all.count)
        case .jsonl:
            var data = Data()
            for (v, _) in all {
                data.append(try StableJSON.data(v.record))
                data.append(0x0A)
            }
            try AtomicFile.write(data, to: out)
            return Result(files: [out], versions: all.count)
        case .sqlite:
            let tmp = AtomicFile.temporaryURL(for: out)
            defer { try? FileManager.default.removeItem(at: tmp) }
            var reports: [ReportKey: [ReportVersion]] = [:]
            for (v, _) in all { reports[v.key, default: []].append(v) }
            try IndexStore.build(at: tmp, captures: try archive.captures(), reports: reports)
            guard rename(tmp.path, out.path) == 0 else { throw ArchiveError.io(path: out.path, operation: "rename", errno: errno) }
            return Result(files: [out], versions: all.count)
        }
    }

    /// "reports.csv" → "reports-findings.csv".
    public static func findingsURL(for out: URL) -> URL {
        let ext = out.pathExtension.isEmpty ? "csv" : out.pathExtension
        let stem = out.deletingPathExtension().lastPathComponent
        return out.deletingLastPathComponent().appendingPathComponent("\(stem)-findings.\(ext)")
    }

    /// Wide CSV: one row per report version; the leading columns, then every cell path of both templates.
    func csv(_ all: [(version: ReportVersion, isCurrent: Bool)], excel: Bool) -> Data {
        var text = excel ? "\u{FEFF}" : ""
        let cells = CellOrder.schemaPaths
        text += CSVFormat.row(Self.leadingColumns + cells)
        for (v, current) in all {
            let r = v.record
            var fields = [v.key.reportID, r.source.site ?? v.key.site, r.agency ?? "", r.year.map(String.init) ?? "", r.template,
                          r.source.url ?? "", r.source.sha256 ?? "", r.published ?? "", String(v.version), current ? "1" : "0",
                          r.archive?.firstSeen ?? "", r.archive?.lastSeen ?? "", r.source.captureID ?? "", String(r.findings.count)]
            for p in cells { fields.append(CSVFormat.number(r.cell(p) ?? nil)) }
            text += CSVFormat.row(fields)
        }
        return Data(text.utf8)
    }

    func findingsCSV(_ all: [(version: ReportVersion, isCurrent: Bool)], excel: Bool) -> Data {
        var text = excel ? "\u{FEFF}" : ""
        text += CSVFormat.row(Self.findingColumns)
        for (v, _) in all {
            for f in v.record.findings {
                text += CSVFormat.row([v.key.reportID, String(v.version), v.record.agency ?? "", v.record.year.map(String.init) ?? "",
                                       f.rule, f.severity.rawValue, f.cells.joined(separator: ";"), CSVFormat.number(f.expected),
                                       CSVFormat.number(f.actual), f.message])
            }
        }
        return Data(text.utf8)
    }
}
