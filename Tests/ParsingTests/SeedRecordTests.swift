import Foundation
import Testing
import NianbaoCore
import Parsing
import TestSupport

/// Each seed, parsed from its own text, against the hand-written answer key: all 200 cells,
/// agency, year, template, published date and title.
@Suite struct SeedRecordTests {
    @Test(arguments: SeedAnswerKeys.names)
    func seedMatchesItsAnswerKey(_ seed: String) throws {
        let key = SeedAnswerKeys.key(for: seed)
        #expect(key.cells.count == 200)
        let record = try parseText(try Fixtures.seedText(seed), name: seed)
        expectMatches(record, key)
        #expect(errors(record).isEmpty, "\(errors(record).map(\.message))")
        #expect(record.schema == "nianbao.report/1")
    }

    @Test func seed004BlankCellsAreNullAndNotAssessable() throws {
        let record = try parseText(try Fixtures.seedText("004"))
        #expect(record.cell("t3.r4_1_not_held.natural_person") == .some(nil))
        #expect(record.cell("t3.r4_1_not_held.total") == .some(nil))
        #expect(record.cellsRaw["t3.r4_1_not_held.natural_person"] == "")
        let na = record.findings.filter { $0.severity == .notAssessable }
        // t3_outcome_sum for 自然人 and 总计, t3_row_total for the row: nothing else.
        #expect(Set(na.map { "\($0.rule):\($0.cells.sorted().joined(separator: ","))" }) == [
            "t3_outcome_sum:t3.r4_1_not_held.natural_person",
            "t3_outcome_sum:t3.r4_1_not_held.total",
            "t3_row_total:t3.r4_1_not_held.natural_person,t3.r4_1_not_held.total",
        ])
        #expect(record.findings.count == 3)
    }

    @Test func sectionsAreFoundByText() throws {
        let record = try parseText(try Fixtures.seedText("000"))
        #expect(Set(record.sections.keys) == ["overview", "proactive", "applications", "review_litigation", "problems", "other"])
        #expect(record.sections["other"] == "本年度未收取信息处理费，且无其他需要报告的事项。")
        #expect(record.sections["problems"]?.hasPrefix("2023年，我局扎实有序推进") == true)
        // The table row 四、结转下年度继续办理 is not the 四 heading, so table 三 text stays out of section 四.
        #expect(record.sections["review_litigation"] == "")
    }

    @Test func huaianLayoutTextMatchesKey() throws {
        let pdf = Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf")
        let text = try pdftotextLayout(pdf)
        let record = try parseText(text, name: "huaian")
        expectMatches(record, HuaianAnswerKey.key)
        #expect(record.findings.isEmpty, "\(record.findings.map(\.message))")
    }
}

/// `pdftotext -layout FILE -` (poppler-utils, installed by Scripts/setup.sh).
func pdftotextLayout(_ url: URL) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
    p.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
