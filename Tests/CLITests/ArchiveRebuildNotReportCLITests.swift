import Foundation
import Testing
import NianbaoCore
import TestSupport

/// rebuild over an archive that holds documents which are not reports (a notice page) and documents
/// that fail (truncated, encrypted, image-only PDFs): the first are listed as "not a report" and
/// leave exit 0, the second are "skipped" and give exit 1.
@Suite(.serialized) struct ArchiveRebuildNotReportCLITests {
    static let notice = """
    <!DOCTYPE html><html><head><meta charset="utf-8"><title>关于调整办公时间的通知</title></head><body>
    <h1>关于调整办公时间的通知</h1><p>自2024年1月1日起，本局办公时间调整为上午9时至下午5时。</p></body></html>
    """

    func add(_ dir: URL, _ file: URL, _ url: String, at minute: Int) async throws -> CLIRunner.Result {
        try await CLIRunner.run(["archive", "add", file.path, "--url", url, "--archive", dir.path,
                                 "--fetched-at", String(format: "2026-06-01T00:%02d:00Z", minute)])
    }

    func lines(_ text: String, _ prefix: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
    }

    @Test func notReportsAreListedApartAndOnlyRealFailuresGiveExit1() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cli-notreport-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let noticeFile = dir.appendingPathComponent("notice.html")
        try Data(Self.notice.utf8).write(to: noticeFile)

        let report = try await add(dir, Fixtures.fixture("pdf/seed-000.pdf"), "http://x.gov.cn/a/report.pdf", at: 1)
        #expect(report.status == 0, "\(report.stderr)")
        let noticeAdd = try await add(dir, noticeFile, "http://x.gov.cn/a/notice.html", at: 2)
        #expect(noticeAdd.status == 1)   // `archive add` still says the file gave no report

        let clean = try await CLIRunner.run(["rebuild", "--archive", dir.path, "--jobs", "1"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.contains("rebuilt 1 report(s), 1 version(s) from 2 document(s)"), "\(clean.stdout)")
        #expect(clean.stdout.contains("; 1 not a report; 0 document(s) skipped"), "\(clean.stdout)")
        let notReport = lines(clean.stderr, "not a report: ")
        #expect(notReport.count == 1)
        #expect(notReport.first?.hasPrefix("not a report: http://x.gov.cn/a/notice.html (capture ") == true)
        #expect(notReport.first?.contains("not an annual report") == true)
        #expect(lines(clean.stderr, "skipped: ") == [])

        // Real failures: extraction errors, and a PDF with no text layer (maybe a report, unreadable).
        for (i, name) in ["truncated.pdf", "encrypted.pdf", "seed-000-image.pdf"].enumerated() {
            _ = try await add(dir, Fixtures.fixture("pdf/\(name)"), "http://x.gov.cn/a/\(name)", at: 3 + i)
        }
        let failing = try await CLIRunner.run(["rebuild", "--archive", dir.path, "--jobs", "2"])
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("rebuilt 1 report(s), 1 version(s) from 5 document(s)"), "\(failing.stdout)")
        #expect(failing.stdout.contains("; 1 not a report; 3 document(s) skipped"), "\(failing.stdout)")
        #expect(lines(failing.stderr, "not a report: ").count == 1)
        let skipped = lines(failing.stderr, "skipped: ")
        #expect(skipped.count == 3)
        #expect(skipped.contains { $0.hasPrefix("skipped: http://x.gov.cn/a/truncated.pdf") && $0.contains("extract: damaged or truncated PDF") })
        #expect(skipped.contains { $0.hasPrefix("skipped: http://x.gov.cn/a/encrypted.pdf") && $0.contains("extract: encrypted PDF") })
        #expect(skipped.contains { $0.hasPrefix("skipped: http://x.gov.cn/a/seed-000-image.pdf") && $0.contains("no text") })

        // parse still exits 1 for a file that is not a report.
        let parse = try await CLIRunner.run(["parse", noticeFile.path])
        #expect(parse.status == 1)
        #expect(parse.stderr.contains("notice.html") && parse.stderr.contains("not an annual report"))
    }
}
