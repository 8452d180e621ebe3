import Foundation
import Testing
import NianbaoCore
@testable import Archiving
import Pipeline
import TestSupport

/// The archive with the real Extractor → Normalizer → Parser over the seed texts (answer keys read
/// from the seed files: seed 000 is 川汇区信访局's 2023 report, every table-三 cell 0).
@Suite struct ArchiveEndToEndTests {
    static let cols = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"]

    /// The seed with one table row replaced: label, an empty column, then the seven values.
    static func withRow(_ text: String, _ label: String, _ values: [Int]) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(label) ? "\(label)\t\t" + values.map(String.init).joined(separator: "\t") + "\t" : String(line)
        }.joined(separator: "\n")
    }

    func add(_ a: Archive, _ text: String, url: String, at: String) async throws -> Ingestor.Result {
        let file = a.tempDirectory.appendingPathComponent("in-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await Ingestor(archive: a).add(file: file, url: url, fetchedAt: at)
    }

    func current(_ a: Archive, _ agency: String, _ year: Int) throws -> [ReportVersion] {
        try ReportFiles.loadVersions(ReportKey(site: "manual", agency: agency, year: year), reportsDir: a.reportsDirectory)
    }

    @Test func changedReportGivesTwoVersionsWithCellDiff() async throws {
        let a = try makeArchive()
        let seed = try Fixtures.seedText("000")
        let url = "http://www.chuanhui.gov.cn/2024/report.html"
        let r1 = try await add(a, seed, url: url, at: "2024-03-01T08:00:00Z")
        #expect(r1.failure == nil)
        #expect(r1.outcome == .new(version: 1))
        #expect(r1.reportID == "manual/2023/川汇区信访局")
        let r2 = try await add(a, seed, url: url, at: "2024-04-01T08:00:00Z")
        #expect(r2.outcome == .unchanged)
        let edited = Self.withRow(seed, "一、本年新收政府信息公开申请数量", [2, 0, 0, 0, 0, 0, 2])
        let r3 = try await add(a, edited, url: url, at: "2024-05-01T08:00:00Z")
        #expect(r3.outcome == .changed(version: 2, diff: [CellChange(cell: "t3.new_received.natural_person", from: 0, to: 2),
                                                          CellChange(cell: "t3.new_received.total", from: 0, to: 2)]))
        let versions = try current(a, "川汇区信访局", 2023)
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions[0].record.archive?.firstSeen == "2024-03-01T08:00:00.000Z")
        #expect(versions[0].record.archive?.lastSeen == "2024-04-01T08:00:00.000Z")
        #expect(versions[1].record.cell("t3.new_received.total") == .some(2))
        #expect(versions[1].text.contains("川汇区信访局"))
        #expect(try a.verify().problems == [])
    }

    /// 2022 and 2023 of two agencies: 川汇区信访局 carried 1 (自然人) into 2023 by its 2022 report, but
    /// its 2023 report says 0 carried over; 金水区司法局's two years agree.
    func fillTwoYears(_ a: Archive) async throws {
        let chuanhui = try Fixtures.seedText("000")
        let chuanhui2022 = Self.withRow(chuanhui.replacingOccurrences(of: "2023", with: "2022"), "四、结转下年度继续办理", [1, 0, 0, 0, 0, 0, 1])
        let jinshui = try Fixtures.seedText("002")
        _ = try await add(a, chuanhui2022, url: "http://ch.gov.cn/2022.html", at: "2023-03-01T00:00:00Z")
        _ = try await add(a, chuanhui, url: "http://ch.gov.cn/2023.html", at: "2024-03-01T00:00:00Z")
        _ = try await add(a, jinshui.replacingOccurrences(of: "2023", with: "2022"), url: "http://js.gov.cn/2022.html", at: "2023-03-02T00:00:00Z")
        _ = try await add(a, jinshui, url: "http://js.gov.cn/2023.html", at: "2024-03-02T00:00:00Z")
    }

    @Test func crossYearMismatchIsFoundAndConsistentYearsGiveNone() async throws {
        let a = try makeArchive()
        try await fillTwoYears(a)
        let ch = try #require(try current(a, "川汇区信访局", 2023).last).record
        let cross = ch.findings.filter { $0.rule.hasPrefix("cross_year") }
        #expect(cross.map(\.cells.first) == ["t3.carried_over.natural_person", "t3.carried_over.total"])
        #expect(cross.allSatisfy { $0.severity == .warning && $0.expected == 1 && $0.actual == 0 })
        let js = try #require(try current(a, "金水区司法局", 2023).last).record
        #expect(js.year == 2023)
        #expect(js.findings.filter { $0.rule.hasPrefix("cross_year") } == [])
        #expect(try current(a, "金水区司法局", 2022).last?.record.findings.filter { $0.rule.hasPrefix("cross_year") } == [])
    }

    @Test func rebuildReproducesIncrementalArchiveByteForByte() async throws {
        let a = try makeArchive()
        try await fillTwoYears(a)
        let incremental = try treeHashes(a.reportsDirectory)
        #expect(incremental.count == 8)
        let s1 = try await Rebuilder(archive: a).run(RebuildOptions(jobs: 2))
        #expect(s1.failures == [] && s1.reports == 4 && s1.versions == 4)
        #expect(try treeHashes(a.reportsDirectory) == incremental)
        let first = try treeHashes(a.root).filter { $0.key.hasPrefix("reports/") || $0.key == "index.sqlite" }
        _ = try await Rebuilder(archive: a).run(RebuildOptions(jobs: 1))
        #expect(try treeHashes(a.root).filter { $0.key.hasPrefix("reports/") || $0.key == "index.sqlite" } == first)
        try FileManager.default.removeItem(at: a.reportsDirectory)
        try FileManager.default.removeItem(at: a.indexURL)
        let again = try Archive(root: a.root)
        _ = try await Rebuilder(archive: again).run(RebuildOptions(jobs: 2))
        #expect(try treeHashes(a.root).filter { $0.key.hasPrefix("reports/") || $0.key == "index.sqlite" } == first)
        #expect(try again.verify().problems == [])
    }
}
