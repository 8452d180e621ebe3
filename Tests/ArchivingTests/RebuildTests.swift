import Foundation
import Testing
import NianbaoCore
@testable import Archiving
import Pipeline

/// Rebuild driven by the key=value stand-in for the parser (KeyValueReports), so the archive side
/// is tested on its own; the end-to-end tests with the real parser are in ArchiveEndToEndTests.
@Suite struct RebuildTests {
    /// Adds a body as a capture (like `archive add`).
    @discardableResult
    func add(_ a: Archive, _ body: Data, url: String, at: String) throws -> Capture {
        let raw = try a.storeRaw(data: body)
        let c = Capture(id: Capture.makeID(url: url, fetchedAt: at), url: url, fetchedAt: at, outcome: .fetched,
                        sha256: raw.sha256, size: raw.size, mediaType: "text/plain", site: "manual", kind: "manual")
        try a.appendCapture(c)
        return c
    }

    /// Two agencies × two years, one report edited later, one capture that is not a report, one error capture.
    func fill(_ a: Archive) throws {
        let fwd = "t3.carried_forward.total", over = "t3.carried_over.total"
        try add(a, KeyValueReports.body(agency: "甲局", year: 2022, cells: [fwd: 3, over: 0, "t3.new_received.total": 10]), url: "http://a/22", at: "2026-01-01T00:00:00.000Z")
        try add(a, KeyValueReports.body(agency: "甲局", year: 2023, cells: [fwd: 0, over: 2, "t3.new_received.total": 7]), url: "http://a/23", at: "2026-01-02T00:00:00.000Z")
        try add(a, KeyValueReports.body(agency: "乙局", year: 2023, cells: [fwd: 1, over: 0, "t3.new_received.total": 4]), url: "http://b/23", at: "2026-01-03T00:00:00.000Z")
        try add(a, Data("list page, no report".utf8), url: "http://b/list", at: "2026-01-04T00:00:00.000Z")
        // A 404 page with a body: archived, never parsed.
        let notFound = try a.storeRaw(data: Data("404 not found".utf8))
        try a.appendCapture(Capture(id: "nf", url: "http://b/gone", status: 404, fetchedAt: "2026-01-04T01:00:00.000Z", outcome: .fetched,
                                    sha256: notFound.sha256, size: notFound.size, site: "manual"))
        try a.appendCapture(Capture(id: "e1", url: "http://b/x", fetchedAt: "2026-01-05T00:00:00.000Z", outcome: .error, error: "timeout"))
        // 乙局 2023 re-fetched unchanged, then edited.
        try add(a, KeyValueReports.body(agency: "乙局", year: 2023, cells: [fwd: 1, over: 0, "t3.new_received.total": 4]), url: "http://b/23", at: "2026-02-01T00:00:00.000Z")
        try add(a, KeyValueReports.body(agency: "乙局", year: 2023, cells: [fwd: 1, over: 0, "t3.new_received.total": 5]), url: "http://b/23", at: "2026-03-01T00:00:00.000Z")
    }

    func rebuild(_ a: Archive, jobs: Int = 2, dryRun: Bool = false) async throws -> RebuildSummary {
        try await Rebuilder(archive: a, process: KeyValueReports.function(a)).run(RebuildOptions(jobs: jobs, dryRun: dryRun))
    }

    func derived(_ a: Archive) throws -> [String: String] {
        try treeHashes(a.root).filter { $0.key.hasPrefix("reports/") || $0.key == "index.sqlite" }
    }

    @Test func rebuildBuildsVersionsFindingsAndSkipsBadDocuments() async throws {
        let a = try makeArchive()
        try fill(a)
        let s = try await rebuild(a)
        #expect(s.captures == 8)
        #expect(s.documents == 5)            // the unchanged re-fetch shares its body
        #expect(s.reports == 3 && s.versions == 4)
        #expect(s.failures == ["http://b/list: parse: not a report"])
        let b = try ReportFiles.loadVersions(ReportKey(site: "manual", agency: "乙局", year: 2023), reportsDir: a.reportsDirectory)
        #expect(b.map(\.version) == [1, 2])
        #expect(b[0].record.archive?.lastSeen == "2026-02-01T00:00:00.000Z")
        #expect(b[1].record.archive?.diff == [CellChange(cell: "t3.new_received.total", from: 4, to: 5)])
        let jia23 = try ReportFiles.loadVersions(ReportKey(site: "manual", agency: "甲局", year: 2023), reportsDir: a.reportsDirectory)
        // Only the total column is filled: 2 carried over vs 3 carried forward; the six blank columns are not assessable.
        let found = jia23.last?.record.findings ?? []
        #expect(found.filter { $0.severity == .warning }.map(\.cells) == [["t3.carried_over.total", "2022:t3.carried_forward.total"]])
        #expect(found.filter { $0.severity == .warning }.first?.expected == 3)
        #expect(found.filter { $0.severity == .notAssessable }.count == 6)
        #expect(try a.verify().problems == [])
    }

    @Test func twoRebuildsGiveIdenticalTreesWhateverTheJobs() async throws {
        let a = try makeArchive()
        try fill(a)
        _ = try await rebuild(a, jobs: 1)
        let first = try derived(a)
        #expect(first.count == 9)   // 4 versions × (.json + .txt) + index.sqlite
        _ = try await rebuild(a, jobs: 2)
        #expect(try derived(a) == first)
        // Throw away everything derived: it comes back byte for byte.
        try FileManager.default.removeItem(at: a.reportsDirectory)
        try FileManager.default.removeItem(at: a.indexURL)
        let reopened = try Archive(root: a.root)
        _ = try await rebuild(reopened, jobs: 2)
        #expect(try derived(reopened) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: a.tempDirectory.path) == [])
    }

    @Test func rebuildMatchesIncrementalStore() async throws {
        // Storing capture by capture (as fetch does) and rebuilding give the same record files.
        let a = try makeArchive()
        try fill(a)
        for c in try a.captures() where c.outcome == .fetched {
            if case .report(let r, let text) = await KeyValueReports.function(a)(c) { _ = try a.store(record: r, capture: c, text: text) }
        }
        let incremental = try treeHashes(a.reportsDirectory)
        #expect(try a.verify().problems == [])
        _ = try await rebuild(a)
        #expect(try treeHashes(a.reportsDirectory) == incremental)
    }

    @Test func dryRunListsChangesAndWritesNothing() async throws {
        let a = try makeArchive()
        try fill(a)
        _ = try await rebuild(a)
        let before = try derived(a)
        // "Upgrade": a processor that now reads 甲局 2023's new_received as 8.
        let upgraded: CaptureProcessing.Function = { c in
            let r = await KeyValueReports.function(a)(c)
            guard case .report(var rec, let text) = r, rec.agency == "甲局", rec.year == 2023 else { return r }
            setCell(&rec, "t3.new_received.total", 8)
            return .report(rec, text: text)
        }
        let s = try await Rebuilder(archive: a, process: upgraded).run(RebuildOptions(jobs: 2, dryRun: true))
        #expect(s.changes.map(\.reportID) == ["manual/2023/甲局"])
        #expect(s.changes.first?.cells == [CellChange(cell: "t3.new_received.total", from: 7, to: 8)])
        #expect(try derived(a) == before)
        let none = try await rebuild(a, dryRun: true)
        #expect(none.changes.isEmpty)
    }

    @Test(arguments: ["rebuild", "crawl"]) func rebuildIsRefusedWhileARebuildOrCrawlRuns(lock: String) async throws {
        let a = try makeArchive()
        let refused: String? = try await a.withLock(lock) {
            do { _ = try await rebuild(a); return nil } catch ArchiveError.lockHeld(let name) { return name }
        }
        #expect(refused == lock)
    }
}
