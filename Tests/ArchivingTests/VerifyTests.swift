import Foundation
import Testing
import NianbaoCore
@testable import Archiving

@Suite struct VerifyTests {
    func filled() throws -> (Archive, RawObject) {
        let a = try makeArchive()
        let raw = try a.storeRaw(data: Data("report body".utf8))
        var c = makeCapture(url: "http://v.gov.cn/r", at: "2026-01-01T00:00:00.000Z", sha: raw.sha256)
        c.size = raw.size
        try a.appendCapture(c)
        _ = try a.store(record: makeRecord(agency: "丙", year: 2024, cells: ["t3.new_received.total": 1]), capture: c, text: "t")
        return (a, raw)
    }

    @Test func cleanArchiveVerifies() throws {
        let (a, _) = try filled()
        let r = try a.verify()
        #expect(r.problems == [])
        #expect(r.rawObjects == 1 && r.captures == 1 && r.reportVersions == 1)
    }

    @Test func corruptRawIsNamed() throws {
        let (a, raw) = try filled()
        chmod(raw.url.path, 0o644)
        try Data("report bodx".utf8).write(to: raw.url)
        let p = try a.verify().problems
        #expect(p.count == 1)
        #expect(p.first?.hasPrefix("raw/\(raw.sha256.prefix(2))/\(raw.sha256): content does not match its sha256") == true)
    }

    @Test func missingBodyStrayTempAndIndexDisagreementAreNamed() throws {
        let (a, raw) = try filled()
        try FileManager.default.removeItem(at: raw.url)
        try Data().write(to: a.reportsDirectory.appendingPathComponent("manual/.x.json\(AtomicFile.tempMarker)1234"))
        let q = try IndexStore(url: a.indexURL)
        try q.queue.write { db in try db.execute(sql: "DELETE FROM reports") }
        let p = try a.verify().problems
        #expect(p.contains { $0.contains("capture ") && $0.contains("is missing") })
        #expect(p.contains { $0.hasPrefix("reports/manual/2024/丙.v1.json: source body") })
        #expect(p.contains { $0.hasPrefix("reports/manual/.x.json.nbtmp-1234: stray temporary file") })
        #expect(p.contains { $0 == "index.sqlite lacks manual/2024/丙 v1 from reports/" })
        #expect(p.count == 4)
    }
}
