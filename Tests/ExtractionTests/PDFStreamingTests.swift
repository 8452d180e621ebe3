import Foundation
import Testing
import NianbaoCore
import TestSupport
@testable import Extraction

/// pdftotext's output is read while pdftotext runs: swift-subprocess hands over pieces of
/// whatever size the pipe gives, and a row may be cut anywhere, even inside a UTF-8 character.
/// The text layer must not depend on where the cuts fall.
@Suite struct PDFStreamingTests {
    static let huaian = Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf")

    static func tsv(_ file: URL) async throws -> [UInt8] {
        try await PDFExtractor().pdftotextOutput(["-tsv", "-enc", "UTF-8", file.path, "-"])
    }

    static func layer(_ tsv: [UInt8], chunk: Int) -> PDFTextLayer {
        var builder = PDFTextLayerBuilder(pageCap: 200)
        var start = 0
        while start < tsv.count {
            let end = min(start + chunk, tsv.count)
            tsv[start..<end].withUnsafeBytes { builder.feed($0) }
            start = end
        }
        return builder.finish()
    }

    @Test(arguments: [1, 2, 3, 7, 100, 4096, 65536])
    func cutsAnywhereGiveTheSameTextLayer(chunk: Int) async throws {
        let bytes = try await Self.tsv(Self.huaian)
        let whole = PDFTSVReader.pages(from: bytes)
        // The 淮安 report has 6 pages, all with text.
        #expect(whole.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(whole.allSatisfy { !$0.words.isEmpty })

        var reader = PDFTSVReader()
        var pages: [PDFPage] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            let done = bytes[start..<end].withUnsafeBytes { reader.feed($0) }
            // A page is handed out once, only after the next page has started.
            #expect(done.allSatisfy { p in !pages.contains { $0.number == p.number } })
            pages += done
            start = end
        }
        // Pages 1…5 came out as the next page started; the last one only at the end.
        #expect(pages.map(\.number) == [1, 2, 3, 4, 5])
        let last = reader.finish()
        #expect(last.map(\.number) == [6])
        pages += last
        #expect(pages.map(\.number) == whole.map(\.number))
        for (a, b) in zip(pages, whole) {
            #expect(a.words == b.words, "page \(a.number)")
            #expect(a.width == b.width && a.height == b.height)
        }

        let layer = Self.layer(bytes, chunk: chunk)
        let reference = PDFLineBuilder.lines(of: whole)
        #expect(layer.lines.map(\.text) == reference.map(\.text))
        #expect(layer.lines.map(\.y0) == reference.map(\.y0))
        #expect(layer.pages.map(\.words) == whole.map(\.words.count))
    }

    @Test func aLastRowWithoutNewlineIsRead() {
        let tsv = "level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
            + "1\t1\t0\t0\t0\t0\t0.000000\t0.000000\t595.000000\t842.000000\t-1\t###PAGE###\n"
            + "5\t1\t0\t0\t0\t0\t90.000000\t100.500000\t42.000000\t10.500000\t100\t政府信息\n"
            + "5\t1\t0\t0\t0\t1\t140.000000\t100.500000\t21.000000\t10.500000\t100\t3119"
        let pages = PDFTSVReader.pages(from: Array(tsv.utf8))
        #expect(pages.count == 1)
        #expect(pages.first?.words.map(\.text) == ["政府信息", "3119"])
        #expect(pages.first?.words.last?.x1 == 161.0)
        #expect(pages.first?.words.last?.y1 == 111.0)
    }

    /// The streamed record of the 淮安 report is the record of the whole output: the hand-written
    /// key is checked cell by cell in PDFHuaianGridTests through the streaming path; here the two
    /// paths must agree on every block.
    @Test func streamedAndWholeOutputGiveTheSameDocument() async throws {
        let streamed = try await PDFExtractor().extract(file: Self.huaian, sourceName: "huaian-city-2024.pdf")
        let whole = try PDFExtractor().document(tsv: try await Self.tsv(Self.huaian), sourceName: "huaian-city-2024.pdf")
        #expect(streamed.blocks == whole.blocks)
        #expect(streamed.metadata.title == whole.metadata.title)
        #expect(streamed.metadata.title?.hasPrefix("淮安市人民政府") == true)
    }
}

/// Whole-output helpers for the comparisons above (the extractor itself only reads in pieces).
extension PDFTSVReader {
    static func pages(from bytes: [UInt8]) -> [PDFPage] {
        var reader = PDFTSVReader()
        var pages = bytes.withUnsafeBytes { reader.feed($0) }
        pages += reader.finish()
        return pages
    }
}

extension PDFLineBuilder {
    static func lines(of pages: [PDFPage]) -> [PDFLine] {
        var stitcher = PDFLineStitcher()
        for page in pages { stitcher.add(page) }
        return stitcher.lines
    }
}
