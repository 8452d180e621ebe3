import Foundation
import Testing
import NianbaoCore
@testable import Archiving
import Parsing
import Pipeline

/// How rebuild sorts documents that gave no report: not a report (listed apart) or a failure.
@Suite struct RebuildNotReportTests {
    func add(_ a: Archive, _ text: String, url: String, at: String, kind: String, parent: String? = nil) throws {
        let raw = try a.storeRaw(data: Data(text.utf8))
        try a.appendCapture(Capture(id: Capture.makeID(url: url, fetchedAt: at), url: url, fetchedAt: at, outcome: .fetched,
                                    sha256: raw.sha256, size: raw.size, mediaType: "text/html", site: "s", kind: kind, parent: parent))
    }

    @Test func wrapperPagesAndNoticesAreNotReportsOtherMissingTablesFail() async throws {
        let a = try makeArchive()
        // The body says what the stand-in parser answers: "notice", "titled" (looks like a report, no
        // table 三), "broken" (extraction error) or a key=value report.
        try add(a, "notice", url: "http://p/notice.html", at: "2026-01-01T00:00:00.000Z", kind: "detail")
        try add(a, "titled", url: "http://p/wrap.html", at: "2026-01-01T00:01:00.000Z", kind: "detail")
        try add(a, String(decoding: KeyValueReports.body(agency: "甲局", year: 2023, cells: ["t3.new_received.total": 1]), as: UTF8.self),
                url: "http://p/wrap.pdf", at: "2026-01-01T00:02:00.000Z", kind: "attachment", parent: "http://p/wrap.html")
        try add(a, "titled ", url: "http://p/lonely.html", at: "2026-01-01T00:03:00.000Z", kind: "detail")
        try add(a, "broken", url: "http://p/bad.pdf", at: "2026-01-01T00:04:00.000Z", kind: "attachment", parent: "http://p/x.html")
        let stand = KeyValueReports.function(a)
        let process: CaptureProcessing.Function = { c in
            let text = String(decoding: (try? Data(contentsOf: a.rawURL(sha256: c.sha256!))) ?? Data(), as: UTF8.self)
            switch text.trimmingCharacters(in: .whitespaces) {
            case "notice": return .notReport("\(c.url): parse: not an annual report", kind: .notAReport)
            case "titled": return .notReport("\(c.url): parse: table 三 not found", kind: .tablesNotFound)
            case "broken": return .failed("\(c.url): extract: damaged or truncated PDF")
            default: return await stand(c)
            }
        }
        let s = try await Rebuilder(archive: a, process: process).run(RebuildOptions(jobs: 2))
        #expect(s.reports == 1 && s.documents == 5)
        #expect(s.notReports == ["http://p/notice.html: parse: not an annual report", "http://p/wrap.html: parse: table 三 not found"])
        #expect(s.failures == ["http://p/lonely.html: parse: table 三 not found", "http://p/bad.pdf: extract: damaged or truncated PDF"])
    }
}
