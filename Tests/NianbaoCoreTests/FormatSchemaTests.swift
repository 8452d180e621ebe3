import Foundation
import Testing
@testable import NianbaoCore

@Suite struct FormatSchemaTests {
    @Test func the2021FormatHas200Cells() throws {
        let f = try #require(FormatSchema.bundled.format(template: "2021"))
        let paths = f.cellPaths
        #expect(paths.count == 10 + 175 + 15)
        #expect(paths.first == "t2.art20_1.regulations.issued")
        #expect(paths.contains("t3.r6_3_other.total"))
        #expect(paths.last == "t4.litigation_after_review.total")
        #expect(Set(paths).count == paths.count)
    }

    @Test func the2019FormatHasOneRowOtherHandling() throws {
        let f = try #require(FormatSchema.bundled.format(template: "2019"))
        let paths = f.cellPaths
        #expect(paths.count == 22 + 161 + 15)
        #expect(paths.contains("t3.r6_other_handling.natural_person"))
        #expect(!paths.contains("t3.r6_1_no_correction.natural_person"))
    }

    @Test func rulesAreData() throws {
        let f = try #require(FormatSchema.bundled.format(template: "2021"))
        let ids = Set(f.rules.map(\.id))
        #expect(ids.isSuperset(of: ["t3_balance", "t3_outcome_sum", "t3_row_total", "t4_group_total"]))
    }
}

@Suite struct HashingTests {
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func sha256OfFileMatchesData() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-sha-\(UUID().uuidString)")
        let data = Data((0..<3_000_000).map { UInt8($0 % 251) })
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try SHA256.hex(fileAt: url) == SHA256.hex(data))
    }
}

@Suite struct RecordJSONTests {
    @Test func nullCellsAndStableBytes() throws {
        var r = ReportRecord(agency: "测试局", year: 2024, template: "2021")
        r.tables.t3["new_received"] = ["natural_person": 3, "total": nil]
        r.tables.t2["art20_8"] = ["admin_fees": ["fee_amount": 96171.6]]
        let a = try StableJSON.string(r)
        // Sorted keys (declaration order would start with "schema"), no escaped slashes.
        #expect(a.hasPrefix("{\"agency\":\"测试局\",\"cells_raw\":{},\"findings\":[],\"schema\":\"nianbao.report/1\""))
        #expect(a.contains("\"natural_person\":3"))
        #expect(a.contains("\"total\":null"))
        #expect(a.contains("96171.6"))
        let back = try StableJSON.decode(ReportRecord.self, from: Data(a.utf8))
        #expect(back == r)
        #expect(back.cell("t3.new_received.total") == .some(nil))
        #expect(back.cell("t3.new_received.natural_person") == .some(3))
    }
}
