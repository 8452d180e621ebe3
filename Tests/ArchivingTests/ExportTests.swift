import Foundation
import Testing
import NianbaoCore
@testable import Archiving

@Suite struct ExportTests {
    /// Two versions of one report (new_received 12 → 13, a 6-column first data row) and another report.
    func filled() throws -> Archive {
        let a = try makeArchive()
        let c1 = makeCapture(url: "http://x.gov.cn/r,1", at: "2026-01-01T00:00:00.000Z", sha: String(repeating: "b", count: 64))
        let c2 = makeCapture(url: "http://x.gov.cn/r,1", at: "2026-02-01T00:00:00.000Z", sha: String(repeating: "c", count: 64))
        let c3 = makeCapture(url: "http://y.gov.cn/r", at: "2026-01-05T00:00:00.000Z", sha: String(repeating: "d", count: 64))
        for c in [c1, c2, c3] { try a.appendCapture(c) }
        var r1 = makeRecord(agency: "某市\"统计\"局", year: 2024, cells: ["t3.new_received.total": 12, "t4.review.total": nil])
        r1.published = "2025-01-20"
        r1.findings = [Finding(rule: "t3_balance", severity: .error, cells: ["t3.new_received.total", "t3.r7_total.total"], expected: 12, actual: 11, message: "不平衡, 差 1")]
        var r2 = r1
        setCell(&r2, "t3.new_received.total", 13)
        _ = try a.store(record: r1, capture: c1, text: "")
        _ = try a.store(record: r2, capture: c2, text: "")
        _ = try a.store(record: makeRecord(agency: "乙", year: 2023, cells: ["t2.art20_1.regulations.issued": 2]), capture: c3, text: "")
        return a
    }

    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var it = Array(text).makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? it.next() {
            pending = nil
            if quoted {
                if ch == "\"" { if let n = it.next() { if n == "\"" { field.append("\"") } else { quoted = false; pending = n } } else { quoted = false } }
                else { field.append(ch) }
            } else if ch == "\"" { quoted = true }
            else if ch == "," { row.append(field); field = "" }
            else if ch == "\r\n" || ch == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(ch) }
        }
        return rows
    }

    @Test func wideCSVHasHeaderRowsAndValues() throws {
        let a = try filled()
        let out = a.root.appendingPathComponent("out.csv")
        let result = try Exporter(archive: a).export(format: .csv, to: out)
        #expect(result.versions == 3)
        let rows = parseCSV(try String(contentsOf: out, encoding: .utf8))
        #expect(rows.count == 4)
        let header = rows[0]
        #expect(Array(header.prefix(9)) == ["report_id", "site", "agency", "year", "template", "url", "sha256", "published", "version"])
        #expect(header.contains("t3.new_received.natural_person") && header.contains("t2.art20_9.gov_central_procurement.amount"))
        #expect(Set(header).count == header.count)
        func col(_ name: String, _ row: Int) -> String { rows[row][header.firstIndex(of: name)!] }
        // Sorted by report id: manual/2023/乙, then manual/2024/某市"统计"局 v1, v2.
        #expect(col("report_id", 1) == "manual/2023/乙" && col("t2.art20_1.regulations.issued", 1) == "2")
        #expect(col("agency", 2) == "某市\"统计\"局")
        #expect(col("url", 2) == "http://x.gov.cn/r,1")
        #expect(col("version", 2) == "1" && col("t3.new_received.total", 2) == "12" && col("is_current", 2) == "0")
        #expect(col("version", 3) == "2" && col("t3.new_received.total", 3) == "13" && col("is_current", 3) == "1")
        #expect(col("t4.review.total", 3) == "" && col("published", 3) == "2025-01-20")
        #expect(col("sha256", 3) == String(repeating: "c", count: 64))
        let findings = parseCSV(try String(contentsOf: a.root.appendingPathComponent("out-findings.csv"), encoding: .utf8))
        #expect(findings.count == 3)   // header + the finding in both versions
        #expect(findings[1] == ["manual/2024/某市\"统计\"局", "1", "某市\"统计\"局", "2024", "t3_balance", "error",
                                "t3.new_received.total;t3.r7_total.total", "12", "11", "不平衡, 差 1"])
    }

    @Test func excelFlagWritesBOM() throws {
        let a = try filled()
        let out = a.root.appendingPathComponent("x.csv")
        _ = try Exporter(archive: a).export(format: .csv, to: out, excel: true)
        #expect(Array(try Data(contentsOf: out).prefix(3)) == [0xEF, 0xBB, 0xBF])
        _ = try Exporter(archive: a).export(format: .csv, to: out, excel: false)
        #expect(Array(try Data(contentsOf: out).prefix(9)) == Array("report_id".utf8))
    }

    @Test func jsonlHasOneRecordPerLine() throws {
        let a = try filled()
        let out = a.root.appendingPathComponent("x.jsonl")
        _ = try Exporter(archive: a).export(format: .jsonl, to: out)
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let records = try lines.map { try JSONDecoder().decode(ReportRecord.self, from: Data($0.utf8)) }
        #expect(records.map { $0.archive?.version } == [1, 1, 2])
        #expect(records[2].cell("t3.new_received.total") == .some(13))
    }

    @Test func sqliteExportAnswersQueriesInSqlite3CLI() throws {
        let a = try filled()
        let out = a.root.appendingPathComponent("x.sqlite")
        _ = try Exporter(archive: a).export(format: .sqlite, to: out)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [out.path, "SELECT r.agency, c.value FROM reports r JOIN cells c USING (report_id, version) WHERE r.is_current = 1 AND c.path = 't3.new_received.total' ORDER BY r.agency;"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == "某市\"统计\"局|13.0\n")
    }
}
