import Foundation
import Testing
import NianbaoCore
@testable import Archiving

@Suite struct VersioningTests {
    let url = "http://www.example.gov.cn/art/2024/report.html"

    @Test func unchangedRecaptureMovesOnlyLastSeen() throws {
        let a = try makeArchive()
        let r = makeRecord(agency: "某市司法局", year: 2023, cells: ["t3.new_received.total": 12, "t3.carried_over.total": 3])
        let c1 = makeCapture(url: url, at: "2026-01-01T00:00:00.000Z", sha: String(repeating: "a", count: 64))
        let c2 = makeCapture(url: url, at: "2026-02-01T00:00:00.000Z", sha: String(repeating: "a", count: 64))
        #expect(try a.store(record: r, capture: c1, text: "text") == .new(version: 1))
        #expect(try a.store(record: r, capture: c2, text: "text") == .unchanged)
        let key = ReportKey(site: "manual", agency: "某市司法局", year: 2023)
        let versions = try ReportFiles.loadVersions(key, reportsDir: a.reportsDirectory)
        #expect(versions.count == 1)
        #expect(versions[0].record.archive == ArchiveInfo(reportID: "manual/2023/某市司法局", version: 1,
                                                         firstSeen: "2026-01-01T00:00:00.000Z", lastSeen: "2026-02-01T00:00:00.000Z"))
        #expect(versions[0].record.source.captureID == c1.id)
        #expect(versions[0].record.source.file == "raw/aa/" + String(repeating: "a", count: 64))
    }

    @Test func changedReportGetsSecondVersionWithCellDiff() throws {
        let a = try makeArchive()
        let v1 = makeRecord(agency: "某县人民政府", year: 2024, cells: ["t3.new_received.total": 12, "t3.r1_granted.total": 5,
                                                                "t4.review.upheld": 1])
        var v2 = v1
        setCell(&v2, "t3.new_received.total", 13)       // edited
        setCell(&v2, "t4.review.upheld", nil)           // blanked
        setCell(&v2, "t3.r2_partial.total", 2)          // added
        let c1 = makeCapture(url: url, at: "2026-01-01T00:00:00.000Z", sha: nil)
        let c2 = makeCapture(url: url, at: "2026-03-01T00:00:00.000Z", sha: nil)
        #expect(try a.store(record: v1, capture: c1, text: "one") == .new(version: 1))
        let expectedDiff = [CellChange(cell: "t3.new_received.total", from: 12, to: 13),
                            CellChange(cell: "t3.r2_partial.total", from: nil, to: 2),
                            CellChange(cell: "t4.review.upheld", from: 1, to: nil)]
        #expect(try a.store(record: v2, capture: c2, text: "two") == .changed(version: 2, diff: expectedDiff))
        let files = try treeHashes(a.reportsDirectory).keys.sorted()
        #expect(files == ["manual/2024/某县人民政府.v1.json", "manual/2024/某县人民政府.v1.txt",
                          "manual/2024/某县人民政府.v2.json", "manual/2024/某县人民政府.v2.txt"])
        let versions = try ReportFiles.loadVersions(ReportKey(site: "manual", agency: "某县人民政府", year: 2024), reportsDir: a.reportsDirectory)
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions[1].record.archive?.diff == expectedDiff)
        #expect(versions[1].record.archive?.firstSeen == "2026-03-01T00:00:00.000Z")
        #expect(versions[0].record.archive?.lastSeen == "2026-01-01T00:00:00.000Z")
        #expect(versions[1].text == "two")
        // Index: both versions, v2 current, its cell values.
        let q = try #require(try IndexStore.openReadOnly(url: a.indexURL))
        let rows = try q.read { db in try String.fetchAll(db, sql: "SELECT version || ':' || is_current FROM reports ORDER BY version") }
        #expect(rows == ["1:0", "2:1"])
        let v = try q.read { db in try Double.fetchOne(db, sql: "SELECT value FROM cells WHERE report_id = ? AND version = 2 AND table_key = 't3' AND row_key = 'new_received' AND column_key = 'total'", arguments: ["manual/2024/某县人民政府"]) }
        #expect(v == 13)
    }

    @Test func recordFilesAreStableJSON() throws {
        let r = makeRecord(agency: "甲", year: 2023, cells: ["t3.new_received.total": 1])
        let s = String(decoding: try ReportFiles.encode(r), as: UTF8.self)
        #expect(s.hasSuffix("}\n"))
        #expect(s.range(of: "\"agency\"")!.lowerBound < s.range(of: "\"year\"")!.lowerBound)
        // Sorted keys, not declaration order (which puts "schema" first).
        #expect(s.range(of: "\"cells_raw\"")!.lowerBound < s.range(of: "\"schema\"")!.lowerBound)
    }
}
