import Foundation
import Testing
import NianbaoCore
import TestSupport

/// archive add → export through the binary with the real parser; the CSV read back and the SQLite
/// export queried with the sqlite3 command-line tool. Answer keys from seed 000 (川汇区信访局 2023,
/// table 三 all 0) and its edit (本年新收 自然人 2, 总计 2).
@Suite struct ArchiveExportCLITests {
    func filledArchive() async throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cli-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let seed = try Fixtures.seedText("000")
        let edited = seed.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("一、本年新收政府信息公开申请数量") ? "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2\t" : String(line)
        }.joined(separator: "\n")
        for (i, text) in [seed, edited].enumerated() {
            let file = dir.appendingPathComponent("r\(i).txt")
            try Data(text.utf8).write(to: file)
            let r = try await CLIRunner.run(["archive", "add", file.path, "--url", "http://www.chuanhui.gov.cn/a,b.html",
                                       "--fetched-at", "2024-0\(i + 3)-01T00:00:00Z", "--archive", dir.appendingPathComponent("A").path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains(i == 0 ? "manual/2023/川汇区信访局: new report, version 1" : "changed, version 2, 2 cell(s) differ"))
        }
        return dir
    }

    @Test func csvReadsBackWithHeaderRowsAndValues() async throws {
        let dir = try await filledArchive()
        let out = dir.appendingPathComponent("out.csv")
        let r = try await CLIRunner.run(["export", "--format", "csv", "--out", out.path, "--excel", "--archive", dir.appendingPathComponent("A").path])
        #expect(r.status == 0)
        let data = try Data(contentsOf: out)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = Self.parseCSV(String(decoding: data.dropFirst(3), as: UTF8.self))
        #expect(lines.count == 3)
        let header = lines[0]
        let schemaCells = Set(FormatSchema.bundled.format(template: "2021")!.cellPaths + FormatSchema.bundled.format(template: "2019")!.cellPaths)
        #expect(header.count == 14 + schemaCells.count)
        func col(_ name: String, _ row: Int) -> String { lines[row][header.firstIndex(of: name)!] }
        #expect(col("agency", 1) == "川汇区信访局" && col("year", 1) == "2023" && col("template", 1) == "2021")
        #expect(col("url", 1) == "http://www.chuanhui.gov.cn/a,b.html")   // quoted in the file: it holds a comma
        #expect(col("version", 1) == "1" && col("version", 2) == "2")
        #expect(col("t3.new_received.natural_person", 1) == "0" && col("t3.new_received.natural_person", 2) == "2")
        #expect(col("t2.art20_1.regulations.in_force", 2) == "0")
        #expect(col("t2.art20_9.gov_central_procurement.amount", 2) == "")   // a 2019-only cell
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out-findings.csv").path))
    }

    /// RFC 4180 reader (quoted fields, doubled quotes, CRLF rows).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false, afterQuote = false
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false; afterQuote = true } else { field.append(ch) }
                continue
            }
            switch ch {
            case "\"": if afterQuote { field.append("\"") }; quoted = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n": row.append(field); rows.append(row); row = []; field = ""
            default: field.append(ch)
            }
            afterQuote = false
        }
        return rows
    }

    @Test func sqliteExportAnswersAQuery() async throws {
        let dir = try await filledArchive()
        let out = dir.appendingPathComponent("out.sqlite")
        #expect(try await CLIRunner.run(["export", "--format", "sqlite", "--out", out.path, "--archive", dir.appendingPathComponent("A").path]).status == 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [out.path, "SELECT version, value FROM cells WHERE report_id = 'manual/2023/川汇区信访局' AND path = 't3.new_received.total' ORDER BY version;"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(text == "1|0.0\n2|2.0\n")
    }
}
