import Foundation

/// The charset a page's bytes are decoded with, and why.
public struct CharsetDecision: Sendable, Equatable {
    /// Canonical name: "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE", "BIG5", or another iconv name.
    public var charset: String
    /// What decided it: "bom", "http", "meta", "bytes" (the declaration was contradicted by the bytes,
    /// or there was none).
    public var decidedBy: String
    /// The charset named by the HTTP Content-Type, if any (raw).
    public var declaredHTTP: String?
    /// The charset named by `<meta charset>` / `<meta http-equiv>`, if any (raw).
    public var declaredMeta: String?
}

/// Decides a page's charset: BOM, then the HTTP Content-Type, then `<meta>` in the first 8 KB,
/// then the bytes. GB2312/GBK/cp936/x-gbk/euc-cn are read as GB18030 (a superset). The HTTP header
/// comes before the meta, as in browsers, also when both are valid for the bytes (an ASCII page).
/// A UTF-16 declaration on bytes with no NUL byte is ignored (markup in UTF-16 is full of NULs).
/// When a declaration and the bytes disagree, the bytes decide: a page declared UTF-8 whose bytes
/// are not valid UTF-8 is GB18030; a page declared GBK whose non-ASCII bytes are valid UTF-8 is UTF-8.
/// "Valid UTF-8" tolerates a few damaged sequences (see `isMostlyUTF8`): a UTF-8 page with one stray
/// byte stays UTF-8 and gets one U+FFFD instead of turning into GB18030 mojibake.
public enum CharsetDetector {
    public static func decide(_ data: Data, contentType: String?) -> CharsetDecision {
        data.withUnsafeBytes { decide(bytes: $0, contentType: contentType) }
    }

    public static func decide(bytes: UnsafeRawBufferPointer, contentType: String?) -> CharsetDecision {
        let http = contentType.flatMap(charsetParameter(in:))
        let meta = metaCharset(in: bytes)
        if let bom = bomCharset(bytes) {
            return CharsetDecision(charset: bom, decidedBy: "bom", declaredHTTP: http, declaredMeta: meta)
        }
        let utf8Valid = isValidUTF8(bytes) || isMostlyUTF8(bytes)
        let ascii = isASCII(bytes)
        for (declared, source) in [(http, "http"), (meta, "meta")] {
            guard let declared, let canonical = canonicalName(declared) else { continue }
            // A UTF-16 label without a BOM: from <meta> it is always wrong (the meta was found by
            // reading the bytes as ASCII, so they are not UTF-16; browsers read it as UTF-8), and
            // from the header it is believed only on bytes that look like UTF-16 (NUL bytes in
            // one of the two byte positions). Otherwise the next declaration, or the bytes, decide.
            if canonical.hasPrefix("UTF-16"), source == "meta" || !looksLikeUTF16(bytes) { continue }
            if ascii { return CharsetDecision(charset: canonical, decidedBy: source, declaredHTTP: http, declaredMeta: meta) }
            switch canonical {
            case "UTF-8" where !utf8Valid:
                return CharsetDecision(charset: "GB18030", decidedBy: "bytes", declaredHTTP: http, declaredMeta: meta)
            case "GB18030" where utf8Valid, "BIG5" where utf8Valid:
                return CharsetDecision(charset: "UTF-8", decidedBy: "bytes", declaredHTTP: http, declaredMeta: meta)
            default:
                return CharsetDecision(charset: canonical, decidedBy: source, declaredHTTP: http, declaredMeta: meta)
            }
        }
        return CharsetDecision(charset: utf8Valid ? "UTF-8" : "GB18030", decidedBy: "bytes", declaredHTTP: http, declaredMeta: meta)
    }

    /// UTF-16 text of a page or a text file, mostly ASCII markup: in the first 1 KB, one of the
    /// two byte positions is NUL at least a third of the time and the other almost never.
    static func looksLikeUTF16(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let n = min(bytes.count, 1024) / 2 * 2
        guard n >= 2 else { return false }
        var even = 0, odd = 0
        for i in stride(from: 0, to: n, by: 2) {
            if bytes[i] == 0 { even += 1 }
            if bytes[i + 1] == 0 { odd += 1 }
        }
        let pairs = n / 2
        return max(even, odd) * 3 >= pairs && min(even, odd) * 20 <= pairs
    }

    /// Maps a declared label to the name nianbao decodes with; nil for labels to ignore.
    public static func canonicalName(_ label: String) -> String? {
        let l = label.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'"))).lowercased()
        switch l {
        case "": return nil
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "csgb2312", "chinese", "iso-ir-58", "windows-936", "gb_2312-80":
            return "GB18030"
        case "big5", "big5-hkscs", "x-x-big5", "cn-big5": return "BIG5"
        case "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "utf-16", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff": return "UTF-16"
        case "iso-8859-1", "latin1", "us-ascii", "ascii", "windows-1252":
            return "WINDOWS-1252"
        default: return l.uppercased()
        }
    }

    /// `charset=` parameter of a Content-Type value.
    public static func charsetParameter(in contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" {
                let v = kv[1].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'")))
                return v.isEmpty ? nil : v
            }
        }
        return nil
    }

    static func bomCharset(_ b: UnsafeRawBufferPointer) -> String? {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return "UTF-8" }
        if b.count >= 4, b[0] == 0x84, b[1] == 0x31, b[2] == 0x95, b[3] == 0x33 { return "GB18030" }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return "UTF-16LE" }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return "UTF-16BE" }
        return nil
    }

    /// Prescan of the first 8 KB for `<meta charset=…>` or `<meta http-equiv=Content-Type content="…charset=…">`.
    static func metaCharset(in bytes: UnsafeRawBufferPointer) -> String? {
        let n = min(bytes.count, 8192)
        // ASCII-only view, lower-cased; other bytes become spaces.
        var s = [UInt8](repeating: 0x20, count: n)
        for i in 0..<n {
            let c = bytes[i]
            s[i] = c < 0x80 ? ((c >= 0x41 && c <= 0x5A) ? c + 0x20 : c) : 0x20
        }
        let text = String(decoding: s, as: UTF8.self)
        var search = text.startIndex
        while let metaRange = text.range(of: "<meta", range: search..<text.endIndex) {
            let tagEnd = text[metaRange.upperBound...].firstIndex(of: ">") ?? text.endIndex
            let tag = text[metaRange.upperBound..<tagEnd]
            if let r = tag.range(of: "charset") {
                var rest = tag[r.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
                    let value = rest.prefix { !($0 == "\"" || $0 == "'" || $0 == " " || $0 == ";" || $0 == ">" || $0 == "/") }
                    if !value.isEmpty { return String(value) }
                }
            }
            search = tagEnd
        }
        return nil
    }

    static func isASCII(_ b: UnsafeRawBufferPointer) -> Bool {
        for byte in b where byte >= 0x80 { return false }
        return true
    }

    /// UTF-8 with a few damaged sequences (a stray byte in a UTF-8 page) rather than another charset:
    /// at least four valid multi-byte characters for every invalid sequence. GBK text read as UTF-8
    /// gives far more errors than accidental valid sequences.
    static func isMostlyUTF8(_ b: UnsafeRawBufferPointer) -> Bool {
        var valid = 0, invalid = 0
        var decoder = UTF8()
        var it = b.bindMemory(to: UInt8.self).makeIterator()
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let v): if v.value >= 0x80 { valid += 1 }
            case .emptyInput: break loop
            case .error: invalid += 1
            }
        }
        return valid > 0 && valid >= 4 * invalid
    }

    static func isValidUTF8(_ b: UnsafeRawBufferPointer) -> Bool {
        String(validating: b.bindMemory(to: UInt8.self), as: UTF8.self) != nil
    }
}
