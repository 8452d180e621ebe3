import Foundation
import NianbaoCore

/// Reading and writing reports/<site>/<year>/<agency>.v<N>.json (+ .txt).
public enum ReportFiles {
    /// The bytes of a record file: pretty, sorted keys, trailing newline. Same record, same bytes.
    public static func encode(_ record: ReportRecord) throws -> Data {
        var d = try StableJSON.data(record, pretty: true)
        d.append(0x0A)
        return d
    }

    /// Writes one version's .json and .txt atomically under `reportsDir`.
    ///
    /// `reuseFrom` (rebuild): another reports/ tree; a file there with exactly the same bytes is hard-linked
    /// instead of written, so an unchanged record costs no new data and removing the old tree frees nothing.
    public static func write(_ v: ReportVersion, reportsDir: URL, durable: Bool, reuseFrom: URL? = nil) throws {
        let dir = v.key.directory(in: reportsDir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        guard PathSanitizer.isInside(dir, root: reportsDir) else { throw ArchiveError.unsafePath(dir.path) }
        let base = v.key.baseName(version: v.version)
        let oldDir = reuseFrom.map { v.key.directory(in: $0) }
        for (ext, data) in [(".txt", Data(v.text.utf8)), (".json", try encode(v.record))] {
            let dest = dir.appendingPathComponent(base + ext)
            if let old = oldDir?.appendingPathComponent(base + ext), (try? Data(contentsOf: old)) == data,
               link(old.path, dest.path) == 0 {
                continue
            }
            try AtomicFile.write(data, to: dest, durable: durable)
        }
    }

    /// All stored versions of one report, oldest first.
    public static func loadVersions(_ key: ReportKey, reportsDir: URL) throws -> [ReportVersion] {
        let dir = key.directory(in: reportsDir)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        var found: [(Int, String)] = []
        for name in names {
            if let n = versionNumber(fileName: name, agency: key.agency) { found.append((n, name)) }
        }
        return try found.sorted { $0.0 < $1.0 }.map { try load(dir.appendingPathComponent($0.1), key: key) }
    }

    /// Every report in `reportsDir`, each with its versions oldest first. Files that do not decode
    /// are returned in `problems` (path and reason).
    public static func loadAll(reportsDir: URL) -> (reports: [ReportKey: [ReportVersion]], problems: [String]) {
        var reports: [ReportKey: [ReportVersion]] = [:]
        var problems: [String] = []
        let fm = FileManager.default
        for site in ((try? fm.contentsOfDirectory(atPath: reportsDir.path)) ?? []).sorted() where !site.hasPrefix(".") {
            let siteDir = reportsDir.appendingPathComponent(site)
            for year in ((try? fm.contentsOfDirectory(atPath: siteDir.path)) ?? []).sorted() where !year.hasPrefix(".") {
                let yearDir = siteDir.appendingPathComponent(year)
                for name in ((try? fm.contentsOfDirectory(atPath: yearDir.path)) ?? []).sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
                    let stem = String(name.dropLast(5))
                    guard let dot = stem.range(of: ".v", options: .backwards),
                          let key = ReportKey(reportID: "\(site)/\(year)/\(stem[..<dot.lowerBound])"),
                          versionNumber(fileName: name, agency: key.agency) != nil else {
                        problems.append("reports/\(site)/\(year)/\(name): not a report file name (<agency>.v<N>.json)")
                        continue
                    }
                    do {
                        reports[key, default: []].append(try load(yearDir.appendingPathComponent(name), key: key))
                    } catch {
                        problems.append("reports/\(site)/\(year)/\(name): \(error)")
                    }
                }
            }
        }
        for k in reports.keys { reports[k]!.sort { $0.version < $1.version } }
        return (reports, problems)
    }

    static func load(_ url: URL, key: ReportKey) throws -> ReportVersion {
        let data = try Data(contentsOf: url)
        let record: ReportRecord
        do { record = try StableJSON.decode(ReportRecord.self, from: data) } catch {
            throw ArchiveError.corrupt(path: url.path, reason: "record does not decode: \(error)")
        }
        let txt = url.deletingPathExtension().appendingPathExtension("txt")
        let text = (try? String(contentsOf: txt, encoding: .utf8)) ?? ""
        return ReportVersion(key: key, record: record, text: text)
    }

    /// N from "<agency>.v<N>.json".
    static func versionNumber(fileName: String, agency: String) -> Int? {
        let prefix = agency + ".v"
        guard fileName.hasPrefix(prefix), fileName.hasSuffix(".json") else { return nil }
        let n = fileName.dropFirst(prefix.count).dropLast(5)
        guard !n.isEmpty, n.allSatisfy(\.isASCII), let v = Int(n), v > 0, String(v) == n else { return nil }
        return v
    }
}
