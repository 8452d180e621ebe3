import Foundation
import Testing
import NianbaoCore
import Parsing
import TestSupport

/// Agency, year and published date from the places reports put them.
@Suite struct MetadataTests {
    /// Seed 004's tables with other front and back matter.
    func report(head: String, tail: String) throws -> ReportRecord {
        let seed = try Fixtures.seedText("004")
        let body = seed[seed.range(of: "一、总体情况")!.lowerBound..<seed.range(of: "通化市信访局\n\n2025年1月20日")!.lowerBound]
        return try parseText(head + "\n\n" + body + "\n" + tail)
    }

    @Test func agencyAndYearFromTheBodyWhenThereIsNoTitle() throws {
        let r = try report(head: "根据《中华人民共和国政府信息公开条例》规定,现公布梅河口市民政局2023年度政府信息公开工作报告。", tail: "")
        #expect(r.agency == "梅河口市民政局")
        #expect(r.year == 2023)
        #expect(r.published == nil)
    }

    @Test func agencyAndDateFromTheSignatureBlock() throws {
        let r = try report(head: "2023年度政府信息公开工作年度报告", tail: "柳河县交通运输局\n2024年1月31日\n")
        #expect(r.year == 2023)
        #expect(r.agency == "柳河县交通运输局")
        #expect(r.published == "2024-01-31")
    }

    @Test func publishedFromTheReleaseDateLineWinsOverTheSignature() throws {
        let r = try report(head: "辉南县人民政府办公室2023年政府信息公开工作年度报告\n发布时间：2024-01-19 09:30\n", tail: "辉南县人民政府办公室\n2024年1月15日")
        #expect(r.agency == "辉南县人民政府办公室")
        #expect(r.published == "2024-01-19")
    }

    @Test func extractorMetadataComesFirst() throws {
        var doc = Document.plainText(try Fixtures.seedText("003"), metadata: DocumentMetadata(published: "2024-01-18", sourceName: "003.html"))
        doc.metadata.title = "沁源县信访局2023年度政府信息公开年度报告"
        let r = try parseDocument(doc)
        #expect(r.published == "2024-01-18")
        #expect(r.title == "沁源县信访局2023年度政府信息公开年度报告")
        #expect(r.agency == "沁源县信访局")
    }
}
