import Foundation
import NianbaoCore
@testable import Archiving
import Pipeline

/// A fresh archive in a temporary directory.
func makeArchive() throws -> Archive {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-arch-\(UUID().uuidString)")
    return try Archive(root: dir)
}

/// Sets one cell of a record by key path.
func setCell(_ r: inout ReportRecord, _ path: String, _ v: Double?) {
    let p = path.split(separator: ".").map(String.init)
    switch p[0] {
    case "t2": r.tables.t2[p[1], default: [:]][p[2], default: [:]][p[3]] = .some(v)
    case "t3": r.tables.t3[p[1], default: [:]][p[2]] = .some(v)
    default: r.tables.t4[p[1], default: [:]][p[2]] = .some(v)
    }
}

/// A 2021-format record with the given cells.
func makeRecord(agency: String?, year: Int?, cells: [String: Double?] = [:], template: String = "2021") -> ReportRecord {
    var r = ReportRecord(agency: agency, year: year, template: template, title: "\(agency ?? "")\(year.map(String.init) ?? "")年政府信息公开工作年度报告")
    for (k, v) in cells { setCell(&r, k, v) }
    return r
}

/// A fetched capture of `url` at `at` with body `sha`.
func makeCapture(url: String, at: String, sha: String?, site: String? = "manual", agency: String? = nil) -> Capture {
    Capture(id: Capture.makeID(url: url, fetchedAt: at), url: url, fetchedAt: at, outcome: .fetched, sha256: sha,
            size: nil, mediaType: "text/plain", site: site, agency: agency, kind: "manual")
}

/// Test body format standing in for the parser: "agency=…", "year=…", "template=…" and
/// "<cell path>=<number or blank>" lines. A body without "year=" is not a report.
enum KeyValueReports {
    static func body(agency: String, year: Int, cells: [String: Double?]) -> Data {
        var lines = ["agency=\(agency)", "year=\(year)", "template=2021"]
        for (k, v) in cells.sorted(by: { $0.key < $1.key }) { lines.append("\(k)=\(v.map { String($0) } ?? "")") }
        return Data(lines.joined(separator: "\n").utf8)
    }

    static func parse(_ text: String) -> ReportRecord? {
        var agency: String?, year: Int?, template = "2021"
        var cells: [String: Double?] = [:]
        for line in text.split(separator: "\n") {
            let kv = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard kv.count == 2 else { return nil }
            switch kv[0] {
            case "agency": agency = kv[1]
            case "year": year = Int(kv[1])
            case "template": template = kv[1]
            default: cells[kv[0]] = .some(Double(kv[1]))
            }
        }
        guard year != nil else { return nil }
        return makeRecord(agency: agency, year: year, cells: cells, template: template)
    }

    /// The processing function over raw/ bodies in this format.
    static func function(_ archive: Archive) -> CaptureProcessing.Function {
        { capture in
            guard let sha = capture.sha256, let data = try? Data(contentsOf: archive.rawURL(sha256: sha)),
                  let text = String(data: data, encoding: .utf8) else { return .failed("\(capture.url): cannot read body") }
            guard let r = parse(text) else { return .failed("\(capture.url): parse: not a report") }
            return .report(r, text: text)
        }
    }
}

/// sha256 of every regular file under `dir`, by relative path.
func treeHashes(_ dir: URL) throws -> [String: String] {
    var out: [String: String] = [:]
    let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey])!
    for case let url as URL in e {
        guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
        let rel = String(url.standardizedFileURL.path.dropFirst(dir.standardizedFileURL.path.count + 1))
        out[rel] = try SHA256.hex(fileAt: url)
    }
    return out
}
