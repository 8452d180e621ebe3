import Foundation
import NianbaoCore

/// Turns raw header-line bytes into a `HeaderField`. Header bytes are read losslessly (as Latin-1
/// would) and then decoded: ASCII and valid UTF-8 as UTF-8, otherwise GB18030 (Chinese servers send
/// raw GBK file names), and Latin-1 only when neither decodes.
enum HeaderDecoding {
    /// Foundation's GB18030 encoding (kCFStringEncodingGB_18030_2000); strict.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// Parse "Name: value\r\n"; nil for status lines, blank lines and lines without a colon.
    static func field(_ line: [UInt8]) -> HeaderField? {
        var bytes = line[...]
        while let last = bytes.last, last == 0x0D || last == 0x0A { bytes = bytes.dropLast() }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = String(decoding: bytes[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.hasPrefix("HTTP/") else { return nil }
        var value = bytes[(colon + 1)...]
        while let f = value.first, f == 0x20 || f == 0x09 { value = value.dropFirst() }
        while let l = value.last, l == 0x20 || l == 0x09 { value = value.dropLast() }
        return HeaderField(name: name, value: decode(Array(value)))
    }

    /// Decode header bytes: UTF-8 if valid, else GB18030, else Latin-1 (never fails).
    static func decode(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        if let s = String(data: Data(bytes), encoding: gb18030) { return s }
        return String(bytes.map { Character(Unicode.Scalar($0)) })
    }
}
