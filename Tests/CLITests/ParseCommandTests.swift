import Foundation
import Testing
import NianbaoCore
import TestSupport

/// `nianbao parse` end to end through the built binary: output formats, JSON Lines, exit codes, and
/// bad input (each named in the message, the other files still printed, no crash or hang).
@Suite(.serialized) struct ParseCommandTests {
    let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-parse-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    func file(_ name: String, _ text: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func oneSeedPrintsOneRecord() async throws {
        let r = try await CLIRunner.run(["parse", Fixtures.seed("002").path])
        #expect(r.status == 0, "\(r.stderr)")
        let record = try StableJSON.decode(ReportRecord.self, from: Data(r.stdout.utf8))
        let key = SeedAnswerKeys.key(for: "002")
        #expect(record.agency == key.agency && record.year == key.year && record.template == "2021")
        #expect(key.cellMismatches(in: record) == [])
        #expect(record.source.file == Fixtures.seed("002").path)
    }

    @Test func severalFilesPrintJSONLines() async throws {
        let r = try await CLIRunner.run(["parse"] + SeedAnswerKeys.names.map { Fixtures.seed($0).path })
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        for (line, seed) in zip(lines, SeedAnswerKeys.names) {
            let record = try StableJSON.decode(ReportRecord.self, from: Data(line.utf8))
            #expect(record.agency == SeedAnswerKeys.key(for: seed).agency)
        }
    }

    @Test func summaryFormatShowsTablesAndFindings() async throws {
        let r = try await CLIRunner.run(["parse", "--format", "summary", Fixtures.seed("004").path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("通化市信访局"))
        #expect(r.stdout.contains("表三"))
        #expect(r.stdout.contains("[not_assessable]"))
    }

    @Test func badFilesExitOneAndNameTheFileWhileGoodFilesStillPrint() async throws {
        let empty = try file("empty.txt", "")
        let notReport = try file("notice.txt", "关于做好2024年春节期间安全生产工作的通知\n\n各乡镇、各部门：\n为切实做好春节期间安全生产工作，现将有关事项通知如下。\n一、提高认识\n二、加强检查\n")
        let seed001 = try Fixtures.seedText("001")
        let cut = try file("cut.txt", String(seed001[..<seed001.range(of: "三、收到和处理")!.lowerBound]))
        let junkURL = dir.appendingPathComponent("junk.bin")
        try Data((0..<20_000).map { UInt8(($0 * 7919 + 13) % 256) }).write(to: junkURL)
        let good = Fixtures.seed("000").path
        let r = try await CLIRunner.run(["parse", empty, good, notReport, junkURL.path, cut])
        #expect(r.status == 1)
        let out = r.stdout.split(separator: "\n")
        #expect(out.count == 1)   // the good file is still printed, as one JSON line
        #expect(out.first?.contains("川汇区信访局") == true)
        let err = r.stderr.split(separator: "\n").map(String.init)
        #expect(err.count == 4, "\(err)")
        #expect(err.contains { $0.contains(empty) && $0.contains("no text") })
        #expect(err.contains { $0.contains(notReport) && $0.contains("not an annual report") })
        #expect(err.contains { $0.contains(junkURL.path) })
        #expect(err.contains { $0.contains(cut) && $0.contains("table 三") && $0.contains("not found") })
    }

    @Test func missingFileIsAFailureNotACrash() async throws {
        let r = try await CLIRunner.run(["parse", dir.appendingPathComponent("nope.txt").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("nope.txt"))
    }

    @Test func noFileIsAUsageError() async throws {
        let r = try await CLIRunner.run(["parse"])
        #expect(r.status == 2)
        let bad = try await CLIRunner.run(["parse", "--format", "xml", Fixtures.seed("000").path])
        #expect(bad.status == 2)
    }

    @Test func fiveMegabytesOfRepeatedRowsFinish() async throws {
        // A report whose table 三 rows repeat until the file is 5 MB: the first table is read.
        let seed = try Fixtures.seedText("000")
        let a = seed.range(of: "一、本年新收")!.lowerBound, b = seed.range(of: "#### 四、")!.lowerBound
        let block = String(seed[a..<b])
        var big = String(seed[..<b])
        big.reserveCapacity(5_200_000)
        while big.utf8.count < 5_000_000 { big += block }
        big += seed[b...]
        let path = try file("big.txt", big)
        let started = Date()
        let r = try await CLIRunner.run(["parse", path], timeout: 60)
        #expect(r.status == 0, "\(r.stderr)")
        let record = try StableJSON.decode(ReportRecord.self, from: Data(r.stdout.utf8))
        #expect(record.cell("t3.new_received.total") == .some(0))
        // And 5 MB of repeated table rows with no report around them: a clear refusal.
        let rows = String(repeating: "规章\t0\t0\t0\n", count: 5_000_000 / 14)
        let r2 = try await CLIRunner.run(["parse", try file("rows.txt", rows)], timeout: 60)
        #expect(r2.status == 1)
        #expect(r2.stderr.contains("rows.txt") && r2.stderr.contains("not an annual report"))
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
