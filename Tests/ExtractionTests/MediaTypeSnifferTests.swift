import Foundation
import NianbaoCore
import Testing
import TestSupport
@testable import Extraction

@Suite struct MediaTypeSnifferTests {
    func sniff(_ bytes: [UInt8], _ name: String?, _ contentType: String? = nil) -> MediaType? {
        MediaTypeSniffer.sniff(prefix: Data(bytes), filename: name, contentType: contentType)
    }

    @Test func contentWinsOverTheExtension() {
        #expect(sniff(Array("%PDF-1.7\n%âãÏÓ".utf8), "report.html") == .pdf)
        #expect(sniff([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "report.pdf") == .docx)
        #expect(sniff([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], "report.doc") == .doc)
        #expect(sniff([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0], "report.wps") == .wps)
        #expect(sniff(Array("\u{FEFF}  <!DOCTYPE html><html>".utf8), "report.txt") == .html)
        #expect(sniff(Array("<meta charset=gbk><div>年度报告</div>".utf8), "download.jsp") == .html)
        #expect(sniff(Array("# 川汇区信访局 2023 年政府信息公开工作年度报告\n一、总体情况".utf8), "report.html") == .html)   // extension decides text-like content
    }

    @Test func extensionAndContentTypeDecideAmbiguousText() {
        let text = Array("一、总体情况\n二、主动公开政府信息情况".utf8)
        #expect(sniff(text, "report.txt") == .text)
        #expect(sniff(text, "page.shtml") == .html)
        #expect(sniff(text, nil, "text/html; charset=utf-8") == .html)
        #expect(sniff(text, "noext") == .text)
        #expect(sniff([0x00, 0x01, 0xFF], "blob.bin") == nil)
    }

    /// UTF-16 (with BOM) has a NUL byte in every ASCII character: it is sniffed on its characters.
    @Test func utf16FilesAreSniffedOnTheirCharacters() {
        func le(_ s: String) -> [UInt8] { [0xFF, 0xFE] + s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        func be(_ s: String) -> [UInt8] { [0xFE, 0xFF] + s.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
        #expect(sniff(le("<html><body>年度报告"), "report.txt") == .html)
        #expect(sniff(be("  <!DOCTYPE html>"), nil) == .html)
        #expect(sniff(le("2024年度报告\n"), "report.txt") == .text)
        #expect(sniff(be("2024年度报告\n"), "noext") == .text)
        #expect(sniff(le("年度\u{0}报告"), "report.txt") == nil)           // a NUL character is still binary
        #expect(sniff([0xFF, 0xFE, 0x00, 0x00, 0x32, 0x00, 0x00, 0x00], "report.txt") == nil)   // UTF-32LE: NUL units
    }

    @Test func plainTextGBKAndUTF8Files() async throws {
        let seed = Fixtures.seed("000")
        let d = try await Extractor().extract(ExtractionInput(file: seed, sourceName: "000.txt"))
        #expect(d.metadata.mediaType == "text/plain" && d.metadata.charset == "UTF-8")
        #expect(d.metadata.title == "川汇区信访局 2023 年政府信息公开工作年度报告")
        #expect(d.blocks.count == 1 && d.blocks[0].text.contains("行政规范性文件\t0\t0\t0"))

        let gbk = try #require("二、主动公开政府信息情况\n行政规范性文件\t1\t0\t14\n".data(using: .init(rawValue: 0x8000_0632)))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-gbk-\(UUID().uuidString).txt")
        try gbk.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let g = try await Extractor().extract(ExtractionInput(file: url, sourceName: "gbk.txt"))
        #expect(g.metadata.charset == "GB18030")
        #expect(g.blocks[0].text == "二、主动公开政府信息情况\n行政规范性文件\t1\t0\t14\n")
    }

    @Test func pdfAndWordGoToTheirReaders() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-fake-\(UUID().uuidString).html")
        try Data("%PDF-1.4\n1 0 obj\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try await Extractor().extract(ExtractionInput(file: url, sourceName: "fake.html"))
            Issue.record("a truncated PDF must not extract")
        } catch let e as ExtractionError {
            #expect(e.source == "fake.html")
            #expect(e.reason.contains("PDF"), "\(e.reason)")   // the PDF reader was asked, not the HTML one
        }
    }
}
