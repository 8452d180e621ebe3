import Foundation
import NianbaoCore
import Testing
import TestSupport
@testable import Extraction

/// Invalid bytes in UTF-16, windows-1252, UTF-8 and GBK pages and text files: U+FFFD and a note,
/// the text around them intact, the charset recorded; never a crash.
@Suite struct CharsetInvalidBytesTests {
    let phrase = "政府信息公开工作年度报告"

    static func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
        s.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    func extract(_ data: Data, _ name: String) async throws -> Document {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-charset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return try await Extractor().extract(ExtractionInput(file: url, sourceName: name))
    }

    /// A lone surrogate (high, then low) in the middle of a UTF-16 page: one U+FFFD each, and the text
    /// after it is still read two bytes at a time (not shifted by one byte into nonsense).
    @Test(arguments: [false, true])
    func unpairedSurrogatesInUTF16(_ bigEndian: Bool) throws {
        func u(_ s: String) -> [UInt8] { Self.utf16(s, bigEndian: bigEndian) }
        let high: [UInt8] = bigEndian ? [0xD8, 0x00] : [0x00, 0xD8], low: [UInt8] = bigEndian ? [0xDC, 0x00] : [0x00, 0xDC]
        let bom: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        let bytes = bom + u("<html><head><title>年度报告</title></head><body><p>前文") + high + u("后文</p><p>一、") + low
            + u("总体情况</p><p>\(phrase)</p></body></html>")
        let d = try HTMLExtractor().extract(data: Data(bytes), sourceName: "utf16.html")
        #expect(d.metadata.charset == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
        #expect(d.metadata.title == "年度报告")
        #expect(d.blocks.map(\.text) == ["前文\u{FFFD}后文", "一、\u{FFFD}总体情况", phrase])
        #expect(d.notes.first == "2 invalid byte sequence(s) for \(d.metadata.charset!) replaced with U+FFFD")
    }

    /// A UTF-16 page cut off after the first byte of a character, read through the Extractor (a file
    /// full of NUL bytes that is still a web page).
    @Test(arguments: [false, true])
    func utf16PageWithAnOddByteCount(_ bigEndian: Bool) async throws {
        let bom: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        let bytes = bom + Self.utf16("<html><head><title>年度报告</title></head><body><p>2024年</p><p>\(phrase)", bigEndian: bigEndian) + [0x5E]
        let d = try await extract(Data(bytes), "cut.html")
        #expect(d.metadata.mediaType == "text/html")
        #expect(d.metadata.charset == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
        #expect(d.blocks.map(\.text) == ["2024年", phrase + "\u{FFFD}"])
        #expect(d.notes.first == "1 invalid byte sequence(s) for \(d.metadata.charset!) replaced with U+FFFD")
    }

    /// 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in windows-1252.
    @Test func undefinedBytesInWindows1252() throws {
        var bytes = Data("<html><head><meta charset=\"windows-1252\"><title>Rapport</title></head><body><p>Caf".utf8)
        bytes.append(contentsOf: [0xE9, 0x20, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x20, 0x72, 0xE9, 0x73, 0x75, 0x6D, 0xE9])   // é … résumé
        let refs = phrase.unicodeScalars.map { "&#\($0.value);" }.joined()
        bytes.append(Data("</p><p>\(refs)</p></body></html>".utf8))
        let d = try HTMLExtractor().extract(data: bytes, sourceName: "latin.html")
        #expect(d.metadata.charset == "WINDOWS-1252")
        #expect(d.blocks.map(\.text) == ["Café \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} résumé", phrase])
        #expect(d.notes.first == "5 invalid byte sequence(s) for WINDOWS-1252 replaced with U+FFFD")
    }

    // MARK: plain text files

    @Test func utf8TextWithAStrayByte() async throws {
        let bytes = Data("\(phrase)\n一、总体".utf8) + [0xFF] + Data("情况\n".utf8)
        let d = try await extract(bytes, "stray.txt")
        #expect(d.metadata.mediaType == "text/plain")
        #expect(d.metadata.charset == "UTF-8")
        #expect(d.metadata.title == phrase)
        #expect(d.blocks.map(\.text) == ["\(phrase)\n一、总体\u{FFFD}情况\n"])
        #expect(d.notes == ["1 invalid byte sequence(s) for UTF-8 replaced with U+FFFD"])
    }

    @Test func gbkTextCutInsideTheLastCharacter() async throws {
        let whole = try GBK.encode("\(phrase)\n一、总体情况报")
        #expect(whole.suffix(2) == Data([0xB1, 0xA8]))   // 报
        let d = try await extract(whole.dropLast(), "cut-gbk.txt")
        #expect(d.metadata.charset == "GB18030")
        #expect(d.metadata.title == phrase)
        #expect(d.blocks.map(\.text) == ["\(phrase)\n一、总体情况\u{FFFD}"])
        #expect(d.notes == ["1 invalid byte sequence(s) for GB18030 replaced with U+FFFD"])
    }

    @Test(arguments: [false, true])
    func utf16TextWithAnOddByteCount(_ bigEndian: Bool) async throws {
        let bom: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        let bytes = bom + Self.utf16("2024年\(phrase)\r\n一、总体情况\r\n", bigEndian: bigEndian) + [0x4E]
        let d = try await extract(Data(bytes), "odd.txt")
        #expect(d.metadata.mediaType == "text/plain")
        #expect(d.metadata.charset == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
        #expect(d.metadata.title == "2024年\(phrase)")
        #expect(d.blocks.map(\.text) == ["2024年\(phrase)\n一、总体情况\n\u{FFFD}"])
        #expect(d.notes == ["1 invalid byte sequence(s) for \(d.metadata.charset!) replaced with U+FFFD"])
    }
}
