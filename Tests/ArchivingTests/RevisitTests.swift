import Foundation
import Testing
import NianbaoCore
@testable import Archiving
import Pipeline

/// `Archive.noteRevisit`: an unchanged re-visit (304 or same sha256) moves only last-seen, in the
/// record file and the index, exactly as `rebuild` does when it replays the same captures.
@Suite struct RevisitTests {
    static let url = "http://a.gov.cn/ndbg/2023.txt"
    static let body = KeyValueReports.body(agency: "甲局", year: 2023, cells: ["t3.new_received.total": 7])

    /// One report stored from a fetched capture at 2026-01-01, as the crawler would.
    func stored() throws -> (Archive, Capture, ReportKey) {
        let a = try makeArchive()
        let raw = try a.storeRaw(data: Self.body)
        let c = makeCapture(url: Self.url, at: "2026-01-01T00:00:00.000Z", sha: raw.sha256)
        try a.appendCapture(c)
        let text = String(decoding: Self.body, as: UTF8.self)
        let record = try #require(KeyValueReports.parse(text))
        #expect(try a.store(record: record, capture: c, text: text) == .new(version: 1))
        return (a, c, ReportKey(record: record, capture: c))
    }

    func current(_ a: Archive, _ key: ReportKey) throws -> ReportRecord {
        try #require(try ReportFiles.loadVersions(key, reportsDir: a.reportsDirectory).last).record
    }

    func indexLastSeen(_ a: Archive, _ key: ReportKey) throws -> [String] {
        let q = try #require(try IndexStore.openReadOnly(url: a.indexURL))
        return try q.read { db in
            try String.fetchAll(db, sql: "SELECT last_seen FROM reports WHERE report_id = ? ORDER BY version", arguments: [key.reportID])
        }
    }

    @Test func notModifiedAndSameBodyMoveOnlyLastSeen() throws {
        let (a, c1, key) = try stored()
        let sha = try #require(c1.sha256)
        // A 304 a month later.
        let c2 = Capture(id: "c2", url: Self.url, fetchedAt: "2026-02-01T00:00:00.000Z", outcome: .notModified, site: "manual", kind: "manual")
        try a.appendCapture(c2)
        #expect(try a.noteRevisit(capture: c2, bodySHA256: sha) == ["manual/2023/甲局"])
        var r = try current(a, key)
        #expect(r.archive?.firstSeen == "2026-01-01T00:00:00.000Z")
        #expect(r.archive?.lastSeen == "2026-02-01T00:00:00.000Z")
        #expect(r.archive?.version == 1)
        #expect(r.source.captureID == c1.id && r.source.fetchedAt == "2026-01-01T00:00:00.000Z")
        #expect(try indexLastSeen(a, key) == ["2026-02-01T00:00:00.000Z"])

        // A re-fetch of the same bytes two months later.
        var c3 = makeCapture(url: Self.url, at: "2026-03-01T00:00:00.000Z", sha: sha)
        c3.status = 200
        try a.appendCapture(c3)
        #expect(try a.noteRevisit(capture: c3, bodySHA256: sha) == ["manual/2023/甲局"])
        r = try current(a, key)
        #expect(r.archive?.lastSeen == "2026-03-01T00:00:00.000Z")
        #expect(try indexLastSeen(a, key) == ["2026-03-01T00:00:00.000Z"])
        #expect(try a.verify().problems == [])
    }

    @Test func otherVisitsChangeNothing() throws {
        let (a, c1, key) = try stored()
        let sha = try #require(c1.sha256)
        let before = try treeHashes(a.reportsDirectory)
        // Earlier than last-seen: never moves back.
        let old = Capture(id: "o", url: Self.url, fetchedAt: "2025-12-01T00:00:00.000Z", outcome: .notModified, site: "manual")
        #expect(try a.noteRevisit(capture: old, bodySHA256: sha) == [])
        // Another URL with the same body: not this report's source.
        let other = Capture(id: "x", url: "http://a.gov.cn/elsewhere.txt", fetchedAt: "2026-02-01T00:00:00.000Z", outcome: .notModified, site: "manual")
        #expect(try a.noteRevisit(capture: other, bodySHA256: sha) == [])
        // A fetched capture whose body differs from the one named, an error, a 404 with the same body.
        let changed = makeCapture(url: Self.url, at: "2026-02-01T00:00:00.000Z", sha: String(repeating: "0", count: 64))
        #expect(try a.noteRevisit(capture: changed, bodySHA256: sha) == [])
        let error = Capture(id: "e", url: Self.url, fetchedAt: "2026-02-01T00:00:00.000Z", outcome: .error, error: "timeout")
        #expect(try a.noteRevisit(capture: error, bodySHA256: sha) == [])
        var gone = makeCapture(url: Self.url, at: "2026-02-01T00:00:00.000Z", sha: sha)
        gone.status = 404
        #expect(try a.noteRevisit(capture: gone, bodySHA256: sha) == [])
        #expect(try treeHashes(a.reportsDirectory) == before)
        #expect(try current(a, key).archive?.lastSeen == "2026-01-01T00:00:00.000Z")
    }

    @Test func rebuildOfRevisitedArchiveIsIdentical() async throws {
        let (a, c1, _) = try stored()
        let sha = try #require(c1.sha256)
        for (i, at) in ["2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"].enumerated() {
            let c = Capture(id: "r\(i)", url: Self.url, fetchedAt: at, outcome: .notModified, site: "manual", kind: "manual")
            try a.appendCapture(c)
            try a.noteRevisit(capture: c, bodySHA256: sha)
        }
        let before = try treeHashes(a.reportsDirectory)
        let s = try await Rebuilder(archive: a, process: KeyValueReports.function(a)).run(RebuildOptions(jobs: 1))
        #expect(s.failures == [] && s.reports == 1 && s.versions == 1)
        #expect(try treeHashes(a.reportsDirectory) == before)
    }
}
