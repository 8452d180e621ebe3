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

    static func bbox(_ file: URL) async throws -> [UInt8] {
        try await PDFExtractor().pdftotextOutput(PDFExtractor.arguments + [file.path, "-"])
    }

    static func layer(_ bytes: [UInt8], chunk: Int) -> PDFTextLayer {
        var builder = PDFTextLayerBuilder(pageCap: 200)
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            _ = bytes[start..<end].withUnsafeBytes { builder.feed($0) }
            start = end
        }
        return builder.finish()
    }

    @Test(arguments: [1, 2, 3, 7, 100, 4096, 65536])
    func cutsAnywhereGiveTheSameTextLayer(chunk: Int) async throws {
        let bytes = try await Self.bbox(Self.huaian)
        let whole = PDFBBoxReader.pages(from: bytes)
        // The 淮安 report has 6 pages, all with text.
        #expect(whole.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(whole.allSatisfy { !$0.words.isEmpty })

        var reader = PDFBBoxReader()
        var pages: [PDFPage] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            let done = bytes[start..<end].withUnsafeBytes { reader.feed($0) }
            // A page is handed out once, as soon as its end line has come.
            #expect(done.allSatisfy { p in !pages.contains { $0.number == p.number } })
            pages += done
            start = end
        }
        // Every page came out at its </page>; nothing is left for the end.
        #expect(pages.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(reader.finish().isEmpty)
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

    /// The lines pdftotext prints, cut short before the last newline and the page's end line
    /// (a pdftotext killed at its output cap): the words already printed are kept.
    @Test func aLastLineWithoutNewlineIsRead() {
        let bbox = #"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">"# + "\n"
            + "<head>\n<title>&lt;word xMin=&quot;1&quot;&gt;9&lt;/word&gt;</title>\n</head>\n<body>\n<doc>\n"
            + #"  <page width="595.000000" height="842.000000">"# + "\n"
            + #"    <word xMin="90.000000" yMin="100.500000" xMax="132.000000" yMax="111.000000">政府信息</word>"# + "\n"
            + #"    <word xMin="140.000000" yMin="100.500000" xMax="161.000000" yMax="111.000000">3119</word>"#
        let pages = PDFBBoxReader.pages(from: Array(bbox.utf8))
        #expect(pages.count == 1)
        #expect(pages.first?.words.map(\.text) == ["政府信息", "3119"])
        #expect(pages.first?.words.last?.x1 == 161.0)
        #expect(pages.first?.words.last?.y1 == 111.0)
        #expect(pages.first?.width == 595 && pages.first?.height == 842)
    }

    /// Text is read back from pdftotext's five escapes, and escaped text in the document
    /// information (a title that looks like a word line) is never taken for a word.
    @Test func escapesAreReadAndTheHeadIsNotText() {
        let bbox = "<head>\n<title>x &amp; y&lt;/title&gt;\n&lt;doc&gt;\n    &lt;word xMin=&quot;1&quot; yMin=&quot;1&quot; xMax=&quot;2&quot; yMax=&quot;2&quot;&gt;999&lt;/word&gt;</title>\n</head>\n<doc>\n"
            + #"  <page width="612.000000" height="792.000000">"# + "\n"
            + #"    <word xMin="72.000000" yMin="63.384000" xMax="99.336000" yMax="74.484000">&lt;a&gt;&amp;&quot;&apos;&amp;amp;&nbsp;</word>"# + "\n"
            + "  </page>\n  <page width=\"612.000000\" height=\"792.000000\">\n  </page>\n</doc>\n"
        let pages = PDFBBoxReader.pages(from: Array(bbox.utf8))
        #expect(pages.map(\.number) == [1, 2])
        #expect(pages[0].words.map(\.text) == [#"<a>&"'&amp;&nbsp;"#])
        #expect(pages[1].words.isEmpty)
    }

    /// The streamed record of the 淮安 report is the record of the whole output: the hand-written
    /// key is checked cell by cell in PDFHuaianGridTests through the streaming path; here the two
    /// paths must agree on every block.
    @Test func streamedAndWholeOutputGiveTheSameDocument() async throws {
        let streamed = try await PDFExtractor().extract(file: Self.huaian, sourceName: "huaian-city-2024.pdf")
        let whole = try PDFExtractor().document(bbox: try await Self.bbox(Self.huaian), sourceName: "huaian-city-2024.pdf")
        #expect(streamed.blocks == whole.blocks)
        #expect(streamed.metadata.title == whole.metadata.title)
        #expect(streamed.metadata.title?.hasPrefix("淮安市人民政府") == true)
    }
}

/// Whole-output helpers for the comparisons above (the extractor itself only reads in pieces).
extension PDFBBoxReader {
    static func pages(from bytes: [UInt8]) -> [PDFPage] {
        var reader = PDFBBoxReader()
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

/// The Document is handed on as soon as pdftotext has printed `</doc>`, while pdftotext is still
/// ending, and what the next stage made of it is kept only if pdftotext then exits cleanly.
/// A stand-in for pdftotext runs the real one, then waits for a flag file that only the next
/// stage creates (giving up after 30 s), then exits with the status it is told to.
@Suite struct PDFHandOffTests {
    static func standIn(flag: URL, exitStatus: Int) throws -> URL {
        let real = try #require(ExternalTool.which("pdftotext"))
        return try StandInProgram.script("""
            '\(real)' "$@" || exit $?
            i=0
            while [ ! -e '\(flag.path)' ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done
            [ -e '\(flag.path)' ] || { echo "the next stage never ran" >&2; exit 9; }
            exit \(exitStatus)
            """, name: "pdftotext")
    }

    static let seed = Fixtures.fixture("pdf/seed-002.pdf")

    @Test func theNextStageRunsBeforePdftotextHasExited() async throws {
        let flag = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-flag-\(UUID().uuidString)")
        let script = try Self.standIn(flag: flag, exitStatus: 0)
        defer { try? FileManager.default.removeItem(at: script); try? FileManager.default.removeItem(at: flag) }
        let tables = try await PDFExtractor(pdftotextPath: script.path).extract(file: Self.seed, sourceName: "seed-002.pdf") { document in
            _ = FileManager.default.createFile(atPath: flag.path, contents: nil)
            return document.blocks.filter { $0.kind == .table }.count
        }
        #expect(tables == 3)   // 二, 三 and 四: the whole output was read before the hand-off
    }

    @Test func aFailingExitAfterTheLastPageDropsTheResult() async throws {
        let flag = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-flag-\(UUID().uuidString)")
        let script = try Self.standIn(flag: flag, exitStatus: 1)
        defer { try? FileManager.default.removeItem(at: script); try? FileManager.default.removeItem(at: flag) }
        do {
            let got = try await PDFExtractor(pdftotextPath: script.path).extract(file: Self.seed, sourceName: "seed-002.pdf") { _ in
                _ = FileManager.default.createFile(atPath: flag.path, contents: nil)
                return "record"
            }
            Issue.record("pdftotext exited 1, yet the extraction gave \(got)")
        } catch let error as ExtractionError {
            #expect(error.source == "seed-002.pdf")
            #expect(error.reason == "pdftotext failed (exited(1))")
        }
        #expect(FileManager.default.fileExists(atPath: flag.path))   // the next stage did run, early
    }
}

/// pdftotext -raw keeps text drawn twice (fake bold, shadows): the second copy is dropped.
@Suite struct PDFRepeatedTextTests {
    static func word(_ text: String, _ x0: Double, _ y0: Double, width: Double) -> PDFWord {
        PDFWord(page: 1, x0: x0, y0: y0, x1: x0 + width, y1: y0 + 11.1, text: text)
    }

    @Test func aCopyDrawnSlightlyOffsetIsDropped() {
        // What pdftotext -bbox -raw prints for "Total 123" drawn at (72, 720) and again 0.3 pt
        // right and 0.2 pt up, then "Next 45" on the line below.
        let words = [Self.word("Total", 72.0, 63.384, width: 26.676), Self.word("123", 102.012, 63.384, width: 20.016),
                     Self.word("Total", 72.3, 63.184, width: 26.676), Self.word("123", 102.312, 63.184, width: 20.016),
                     Self.word("Next", 72.0, 83.384, width: 24.672), Self.word("45", 100.008, 83.384, width: 13.344)]
        let kept = PDFLineBuilder.withoutRepeats(words)
        #expect(kept.map(\.text).sorted() == ["123", "45", "Next", "Total"])
        #expect(kept.first { $0.text == "Total" }?.x0 == 72.0)
        #expect(PDFLineBuilder.group(kept, page: 1).map(\.text) == ["Total 123", "Next 45"])
    }

    @Test func equalTextsApartAreAllKept() {
        // Table cells of "0" side by side, a "0" right after another (two digits drawn apart),
        // and the same word on the next line: none is a repeat.
        let words = [Self.word("0", 300, 100, width: 5.5), Self.word("0", 360, 100, width: 5.5),
                     Self.word("0", 305.5, 100, width: 5.5), Self.word("0", 300, 114, width: 5.5),
                     Self.word("合计", 72, 100, width: 21), Self.word("合计", 72, 103, width: 21)]
        #expect(PDFLineBuilder.withoutRepeats(words).count == 6)
    }
}
