import Testing
import NianbaoCore
import Parsing
import TestSupport

/// Template detection from labels, the 2019 format, and a 2021 report whose （六）其他处理 is one row.
@Suite struct TemplateTests {
    @Test func report2019ParsesWithItsOwnKeys() throws {
        let record = try parseText(SyntheticReports.report2019)
        #expect(SyntheticReports.key2019.cells.count == 198)
        expectMatches(record, SyntheticReports.key2019)
        #expect(record.findings.isEmpty, "\(record.findings.map(\.message))")
        // Signs and units: raw text kept, value parsed.
        #expect(record.cellsRaw["t2.art20_5.admin_license.change"] == "-3")
        #expect(record.cellsRaw["t2.art20_5.other_mgmt_services.change"] == "+2")
        #expect(record.cellsRaw["t2.art20_9.gov_central_procurement.amount"] == "251000元")
        #expect(record.cellsRaw["t2.art20_1.regulations.newly_made"] == nil)
    }

    @Test func oneRowOtherHandlingIn2021Report() throws {
        let record = try parseText(SyntheticReports.report2021OneRowR6)
        expectMatches(record, SyntheticReports.key2021OneRowR6)
        #expect(record.tables.t3["r6_1_no_correction"] == nil)
        #expect(record.findings.isEmpty, "\(record.findings.map(\.message))")
    }

    @Test func oneRowOtherHandlingFeedsTheOutcomeSum() throws {
        // (六)其他处理 2 → 3 for 自然人: outcome sum and row total break for exactly that column/row.
        let text = SyntheticReports.report2021OneRowR6.replacingOccurrences(
            of: "(六)其他处理\n\n1\n\n0", with: "(六)其他处理\n\n2\n\n0")
        #expect(text != SyntheticReports.report2021OneRowR6)
        let record = try parseText(text)
        #expect(record.cell("t3.r6_other_handling.natural_person") == .some(2))
        let got = Set(errors(record).map { "\($0.rule):\($0.expected ?? -1):\($0.actual ?? -1)" })
        #expect(got == ["t3_outcome_sum:10.0:11.0", "t3_row_total:2.0:3.0"])
    }

    @Test func templateComesFromLabelsNotYear() throws {
        // A 2022 report printed in the 2019 format, citing the 2021 notice.
        let text = SyntheticReports.report2019
            .replacingOccurrences(of: "2019年政府信息公开", with: "2022年政府信息公开")
            .replacingOccurrences(of: "2019年，我局认真贯彻", with: "2022年，依据国办公开办函〔2021〕30号，我局认真贯彻")
        let record = try parseText(text)
        #expect(record.template == "2019")
        #expect(record.year == 2022)
    }
}

@Suite struct ExtraRowTests {
    @Test func hubeiExtraRowIsReportedNotStored() throws {
        let text = SyntheticReports.report2019.replacingOccurrences(
            of: "规范性文件\t5\t4\t37\n", with: "规范性文件\t5\t4\t37\n其他主动公开文件\t9\t9\t99\n")
        let r = try parseText(text)
        expectMatches(r, SyntheticReports.key2019)
        #expect(r.findings.count == 1)
        #expect(r.findings.first?.severity == .warning && r.findings.first?.message.contains("其他主动公开文件") == true)
    }
}
