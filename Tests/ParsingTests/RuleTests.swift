import Foundation
import Testing
import NianbaoCore
import Parsing
import TestSupport

/// The schema's rules, evaluated as data: a changed cell gives exactly the expected findings; a blank
/// cell gives null and not_assessable, never an arithmetic result.
@Suite struct RuleTests {
    /// Seed 002 with one number changed in its text.
    func seed002(replacing old: String, with new: String) throws -> ReportRecord {
        let text = try Fixtures.seedText("002")
        let changed = text.replacingOccurrences(of: old, with: new)
        #expect(changed != text)
        return try parseText(changed)
    }

    @Test func changedNewReceivedBreaksBalanceAndRowTotal() throws {
        let r = try seed002(replacing: "一、本年新收政府信息公开申请数量\t\t1\t", with: "一、本年新收政府信息公开申请数量\t\t2\t")
        let e = errors(r)
        #expect(e.count == 2)
        let balance = try #require(e.first { $0.rule == "t3_balance" })
        #expect(balance.expected == 2 && balance.actual == 1)
        #expect(balance.cells == ["t3.new_received.natural_person", "t3.carried_over.natural_person",
                                  "t3.r7_total.natural_person", "t3.carried_forward.natural_person"])
        let rowTotal = try #require(e.first { $0.rule == "t3_row_total" })
        #expect(rowTotal.expected == 1 && rowTotal.actual == 2)
        #expect(rowTotal.cells.first == "t3.new_received.total")
        #expect(r.findings.count == 2)
    }

    @Test func changedGrantedBreaksOutcomeSumAndRowTotal() throws {
        let r = try seed002(replacing: "(一) 予以公开\t1\t0\t0\t0\t0\t0\t1", with: "(一) 予以公开\t1\t0\t0\t0\t0\t0\t3")
        #expect(Set(errors(r).map(\.rule)) == ["t3_outcome_sum", "t3_row_total"])
        let sum = try #require(errors(r).first { $0.rule == "t3_outcome_sum" })
        #expect(sum.expected == 1 && sum.actual == 3)
        #expect(r.findings.count == 2)
    }

    @Test func changedTable4TotalBreaksGroupTotal() throws {
        let r = try seed002(replacing: "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0", with: "0\t0\t0\t0\t0\t0\t0\t0\t0\t7\t0\t0\t0\t0\t0")
        #expect(r.findings.count == 1)
        #expect(r.findings.first?.rule == "t4_group_total")
        #expect(r.findings.first?.cells.first == "t4.litigation_direct.total")
        #expect(r.findings.first?.expected == 7 && r.findings.first?.actual == 0)
    }

    @Test func blankCellIsNullAndNotAssessable() throws {
        let r = try seed002(replacing: "(一) 予以公开\t1\t0", with: "(一) 予以公开\t\u{00A0}\t0")
        #expect(r.cell("t3.r1_granted.natural_person") == .some(nil))
        #expect(errors(r).isEmpty)
        let na = r.findings.filter { $0.severity == .notAssessable }
        #expect(Set(na.map(\.rule)) == ["t3_outcome_sum", "t3_row_total"])
        #expect(na.allSatisfy { $0.cells == ["t3.r1_granted.natural_person"] })
        #expect(na.allSatisfy { $0.message.contains("t3.r1_granted.natural_person") })
        #expect(r.findings.count == 2)
    }

    @Test func negativeAndFractionalCountsBreakNonNegativeRule() throws {
        let r = try seed002(replacing: "2.重复申请\t0\t0", with: "2.重复申请\t-1\t0")
        #expect(Set(errors(r).map(\.rule)).contains("t3_t4_nonnegative_int"))
        #expect(r.cellsRaw["t3.r5_2_repeat.natural_person"] == "-1")
    }

    @Test func placeholdersAreNullWithRawText() throws {
        let r = try seed002(replacing: "3.要求提供公开出版物\t0\t0\t0", with: "3.要求提供公开出版物\t—\t/\t无")
        #expect(r.cell("t3.r5_3_publication.natural_person") == .some(nil))
        #expect(r.cellsRaw["t3.r5_3_publication.natural_person"] == "—")
        #expect(r.cellsRaw["t3.r5_3_publication.commercial"] == "/")
        #expect(r.cellsRaw["t3.r5_3_publication.research"] == "无")
        #expect(r.cell("t3.r5_3_publication.public_interest") == .some(0))
    }

    @Test func feeInYuanIsConvertedToWanYuan() throws {
        let r = try seed002(replacing: "行政事业性收费\t0", with: "行政事业性收费\t4068.208")
        #expect(r.cell("t2.art20_8.admin_fees.fee_amount") == .some(4068.208))
        let y = try seed002(replacing: "行政事业性收费\t0", with: "行政事业性收费\t3940元")
        #expect(y.cell("t2.art20_8.admin_fees.fee_amount") == .some(0.394))
        #expect(y.cellsRaw["t2.art20_8.admin_fees.fee_amount"] == "3940元")
    }

    @Test func ruleEngineReadsFormulasFromTheSchema() {
        let engine = RuleEngine(template: "2021")
        var record = ReportRecord(template: "2021")
        for row in KeyTables.t3Rows2021 { record.tables.t3[row] = Dictionary(uniqueKeysWithValues: KeyTables.t3Columns.map { ($0, Optional(0.0)) }) }
        for g in KeyTables.t4Groups { record.tables.t4[g] = Dictionary(uniqueKeysWithValues: KeyTables.t4Columns.map { ($0, Optional(0.0)) }) }
        #expect(engine.evaluate(record).isEmpty)
        record.tables.t3["r6_3_other"]?["total"] = 5
        let f = engine.evaluate(record)
        // for_each expansion names the instance: outcome sum on total, row total on r6_3_other.
        #expect(Set(f.map(\.rule)) == ["t3_outcome_sum", "t3_row_total"])
        #expect(f.allSatisfy { $0.severity == .error })
    }
}

@Suite struct UnreadableCellTests {
    @Test func mangledNumberIsUnreadableAndKeepsItsPosition() throws {
        let text = try Fixtures.seedText("002").replacingOccurrences(of: "2.重复申请\t0\t0", with: "2.重复申请\t1O\t0")
        let r = try parseText(text)
        #expect(r.cell("t3.r5_2_repeat.natural_person") == .some(nil))
        #expect(r.cell("t3.r5_2_repeat.commercial") == .some(0))
        #expect(r.cellsRaw["t3.r5_2_repeat.natural_person"] == "1O")
        let unreadable = r.findings.filter { $0.severity == .unreadable }
        #expect(unreadable.map(\.rule) == ["unreadable_cell"])
        #expect(unreadable.first?.cells == ["t3.r5_2_repeat.natural_person"])
        #expect(errors(r).isEmpty)
        #expect(Set(r.findings.filter { $0.severity == .notAssessable }.map(\.rule)) == ["t3_outcome_sum", "t3_row_total"])
    }
}
