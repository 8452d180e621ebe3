import Foundation
import Testing
import NianbaoCore
@testable import Archiving

@Suite struct CaptureLogTests {
    @Test func appendsOneLinePerCaptureIntoMonthFiles() throws {
        let a = try makeArchive()
        let c1 = makeCapture(url: "http://a.gov.cn/1", at: "2026-10-31T23:59:59.000Z", sha: nil)
        var c2 = makeCapture(url: "http://a.gov.cn/2", at: "2026-11-01T00:00:00.000Z", sha: nil)
        c2.outcome = .error
        c2.error = "timeout"
        let c3 = makeCapture(url: "http://a.gov.cn/1", at: "2026-11-02T00:00:00.000Z", sha: nil)
        for c in [c1, c2, c3] { try a.appendCapture(c) }
        let names = try FileManager.default.contentsOfDirectory(atPath: a.capturesDirectory.path).sorted()
        #expect(names == ["2026-10.jsonl", "2026-11.jsonl"])
        let nov = try String(contentsOf: a.capturesDirectory.appendingPathComponent("2026-11.jsonl"), encoding: .utf8)
        #expect(nov.split(separator: "\n").count == 2)
        #expect(try a.captures() == [c1, c2, c3])
        #expect(try a.lastCapture(url: "http://a.gov.cn/1") == c3)
        #expect(try a.lastCapture(url: "http://a.gov.cn/2") == nil)   // an error is no validator
    }

    @Test func tornLastLineIsSkippedAndDoesNotSwallowTheNext() throws {
        let a = try makeArchive()
        let c1 = makeCapture(url: "http://a.gov.cn/1", at: "2026-11-01T00:00:00.000Z", sha: nil)
        try a.appendCapture(c1)
        let log = a.capturesDirectory.appendingPathComponent("2026-11.jsonl")
        let h = try FileHandle(forWritingTo: log)
        try h.seekToEnd()
        try h.write(contentsOf: Data("{\"id\":\"torn".utf8))   // writer killed mid-line
        try h.close()
        #expect(try a.captures() == [c1])
        #expect(try a.readCaptureLog().badLines == [CaptureLogContents.BadLine(file: "captures/2026-11.jsonl", line: 2, torn: true)])
        let c2 = makeCapture(url: "http://a.gov.cn/2", at: "2026-11-03T00:00:00.000Z", sha: nil)
        try a.appendCapture(c2)
        #expect(try a.captures() == [c1, c2])
        #expect(try a.readCaptureLog().badLines.map(\.torn) == [false])   // now a corrupt middle line
    }

    @Test func badTimestampGoesToUnknownDateLog() throws {
        #expect(Archive.logName(fetchedAt: "2026-11-21T08:00:00Z") == "2026-11.jsonl")
        #expect(Archive.logName(fetchedAt: "../../etc") == "unknown-date.jsonl")
    }
}
