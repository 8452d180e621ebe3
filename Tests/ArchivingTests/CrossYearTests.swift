import Foundation
import Testing
import NianbaoCore
@testable import Archiving

@Suite struct CrossYearTests {
    static let cols = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other_org", "total"]

    /// Year with 结转下年度 (carried_forward) = `forward` and 上年结转 (carried_over) = `over`, and 规章/规范性文件 counts.
    func year(_ y: Int, over: [Double], forward: [Double], regs: (Double, Double, Double), norms: (Double, Double, Double)) -> ReportRecord {
        var cells: [String: Double?] = [:]
        for (i, c) in Self.cols.enumerated() {
            cells["t3.carried_over.\(c)"] = over[i]
            cells["t3.carried_forward.\(c)"] = forward[i]
        }
        cells["t2.art20_1.regulations.issued"] = regs.0
        cells["t2.art20_1.regulations.repealed"] = regs.1
        cells["t2.art20_1.regulations.in_force"] = regs.2
        cells["t2.art20_1.normative_docs.issued"] = norms.0
        cells["t2.art20_1.normative_docs.repealed"] = norms.1
        cells["t2.art20_1.normative_docs.in_force"] = norms.2
        return makeRecord(agency: "某区教育局", year: y, cells: cells)
    }

    @Test func consistentYearsGiveNoFinding() {
        let y1 = year(2022, over: [0, 0, 0, 0, 0, 0, 0], forward: [2, 1, 0, 0, 0, 0, 3], regs: (0, 0, 4), norms: (3, 1, 20))
        let y2 = year(2023, over: [2, 1, 0, 0, 0, 0, 3], forward: [0, 0, 0, 0, 0, 0, 0], regs: (1, 0, 5), norms: (2, 4, 18))
        #expect(CrossYearChecks.findings(previous: y1, current: y2) == [])
    }

    @Test func carryOverMismatchAndInForceMismatch() {
        let y1 = year(2022, over: [0, 0, 0, 0, 0, 0, 0], forward: [2, 1, 0, 0, 0, 0, 3], regs: (0, 0, 4), norms: (3, 1, 20))
        // 上年结转 自然人 says 1 (2022 carried forward 2); total 2 (was 3); 规范性文件 20 + 2 − 4 = 18, reports 19.
        let y2 = year(2023, over: [1, 1, 0, 0, 0, 0, 2], forward: [0, 0, 0, 0, 0, 0, 0], regs: (1, 0, 5), norms: (2, 4, 19))
        let f = CrossYearChecks.findings(previous: y1, current: y2)
        #expect(f.map(\.rule) == ["cross_year_carry", "cross_year_carry", "cross_year_in_force"])
        #expect(f.allSatisfy { $0.severity == .warning })
        #expect(f[0].cells == ["t3.carried_over.natural_person", "2022:t3.carried_forward.natural_person"])
        #expect(f[0].expected == 2 && f[0].actual == 1)
        #expect(f[1].cells.first == "t3.carried_over.total" && f[1].expected == 3 && f[1].actual == 2)
        #expect(f[2].cells.first == "t2.art20_1.normative_docs.in_force" && f[2].expected == 18 && f[2].actual == 19)
    }

    @Test func blankOperandIsNotAssessable() {
        let y1 = year(2022, over: [0, 0, 0, 0, 0, 0, 0], forward: [0, 0, 0, 0, 0, 0, 0], regs: (0, 0, 4), norms: (0, 0, 0))
        var y2 = year(2023, over: [0, 0, 0, 0, 0, 0, 0], forward: [0, 0, 0, 0, 0, 0, 0], regs: (0, 0, 4), norms: (0, 0, 0))
        setCell(&y2, "t3.carried_over.research", nil)
        let f = CrossYearChecks.findings(previous: y1, current: y2)
        #expect(f.map(\.severity) == [.notAssessable])
        #expect(f.first?.cells.first == "t3.carried_over.research")
    }

    @Test func storeAttachesToLaterYearWhicheverArrivesFirst() throws {
        let a = try makeArchive()
        let y1 = year(2022, over: [0, 0, 0, 0, 0, 0, 0], forward: [0, 0, 0, 0, 0, 0, 5], regs: (0, 0, 4), norms: (0, 0, 0))
        let y2 = year(2023, over: [0, 0, 0, 0, 0, 0, 4], forward: [0, 0, 0, 0, 0, 0, 0], regs: (0, 0, 4), norms: (0, 0, 0))
        // The later year arrives first: no finding yet; the earlier year arrives: the later one gets it.
        let c2 = makeCapture(url: "http://e.gov.cn/2023", at: "2026-01-01T00:00:00.000Z", sha: nil)
        let c1 = makeCapture(url: "http://e.gov.cn/2022", at: "2026-01-02T00:00:00.000Z", sha: nil)
        try a.appendCapture(c2)
        try a.appendCapture(c1)
        _ = try a.store(record: y2, capture: c2, text: "")
        func current(_ y: Int) throws -> ReportRecord {
            try ReportFiles.loadVersions(ReportKey(site: "manual", agency: "某区教育局", year: y), reportsDir: a.reportsDirectory).last!.record
        }
        #expect(try current(2023).findings.isEmpty)
        _ = try a.store(record: y1, capture: c1, text: "")
        let f = try current(2023).findings
        #expect(f.count == 1)
        #expect(f.first?.rule == "cross_year_carry" && f.first?.expected == 5 && f.first?.actual == 4)
        #expect(try current(2022).findings.isEmpty)
        // The index sees the finding by rule.
        let q = try #require(try IndexStore.openReadOnly(url: a.indexURL))
        let ids = try q.read { db in try String.fetchAll(db, sql: "SELECT report_id FROM findings WHERE rule = 'cross_year_carry'") }
        #expect(ids == ["manual/2023/某区教育局"])
        #expect(try a.verify().problems == [])
    }
}
