import Foundation
import Testing
import NianbaoCore
import Parsing
import TestSupport

/// Half-width brackets, split labels and typos in the table labels still put every number in place.
@Suite struct LabelVariantTests {
    func variant(_ seed: String, _ edits: [(String, String)]) throws -> ReportRecord {
        var text = try Fixtures.seedText(seed)
        for (a, b) in edits {
            #expect(text.contains(a), "\(a) not in seed \(seed)")
            text = text.replacingOccurrences(of: a, with: b)
        }
        return try parseText(text)
    }

    @Test func typosAndSplitLabelsInSeed002() throws {
        let r = try variant("002", [
            ("2.其他法律行政法规禁止公开", "2.其他法律行政止公开"),           // typo from the alias list
            ("4.保护第三方合法权益", "4.保护第三方合法权利"),                // typo not in any list: fuzzy match
            ("三、本年度办理结果", "三 、本 年 度办 理 结果"),              // label broken by spaces
            ("(一) 予以公开", "（一）予以公开"),                            // full-width brackets
            ("5.要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重新出具已获取的信息"),
            ("本年废止件数", "本年度止件数"),
        ])
        expectMatches(r, SeedAnswerKeys.key(for: "002"))
        #expect(r.findings.isEmpty)
    }

    @Test func halfWidthEverywhereInSeed004IsAlreadyCovered() throws {
        // Seed 004 prints (一), (单位:万元), 危及三安全一稳定 without quotes.
        let r = try parseText(try Fixtures.seedText("004"))
        expectMatches(r, SeedAnswerKeys.key(for: "004"))
    }

    @Test func typoWithChangedNumberStillLandsInItsRow() throws {
        let r = try variant("002", [("2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0", "2.其他法律行政止公开\t3\t0\t0\t0\t0\t0\t3")])
        #expect(r.cell("t3.r3_2_law_prohibited.natural_person") == .some(3))
        #expect(r.cell("t3.r3_2_law_prohibited.total") == .some(3))
        #expect(Set(errors(r).map(\.rule)) == ["t3_outcome_sum"])
    }

    @Test func unknownLabelFallsBackToPosition() throws {
        // A label no catalog knows: its values go to the next row of the template order, with a warning.
        let r = try variant("002", [("2.重复申请\t0\t0\t0\t0\t0\t0\t0", "2.XYZ\t2\t0\t0\t0\t0\t0\t2")])
        #expect(r.cell("t3.r5_2_repeat.natural_person") == .some(2))
        #expect(r.findings.contains { $0.rule == "table_layout" && $0.severity == .warning })
    }
}

@Suite struct EnumeratorQualifiedLabelTests {
    @Test func shortOtherLabelOfRowSixIsTheOneRowForm() throws {
        // "(六) 其他" (S18) for (六)其他处理 printed as one row; "3.其他" stays the sub-row.
        let text = SyntheticReports.report2021OneRowR6.replacingOccurrences(of: "(六)其他处理", with: "(六) 其他")
        let r = try parseText(text)
        expectMatches(r, SyntheticReports.key2021OneRowR6)
    }
}
