import Foundation

/// File names from Content-Disposition (RFC 6266) and from URLs, as Chinese portals send them:
/// `filename*=UTF-8''%E5%B9%B4…` (RFC 5987/8187), raw UTF-8 or GBK bytes in `filename=` (already
/// decoded by `HeaderDecoding`), percent-encoded names in `filename=`, and MIME encoded-words.
public enum ContentDisposition {
    /// The file name the header carries, `filename*` preferred over `filename`; nil when none.
    /// Path separators are removed so the result is a bare file name.
    public static func filename(_ header: String) -> String? {
        let params = parameters(header)
        if let ext = params["filename*"], let name = decodeExtValue(ext) {
            return sanitize(name)
        }
        if let plain = params["filename"] {
            return sanitize(decodePlain(plain))
        }
        return nil
    }

    /// The last path component of a URL, percent-decoded (UTF-8, else GB18030); nil for a directory URL.
    public static func filename(fromURL url: String) -> String? {
        guard let comps = URLComponents(string: url) else { return nil }
        let path = comps.percentEncodedPath
        guard !path.isEmpty, !path.hasSuffix("/") else { return nil }
        let last = String(path.split(separator: "/").last ?? "")
        return sanitize(percentDecode(last) ?? last)
    }

    /// `key=value` parameters after the disposition type; keys lower-cased, quotes and escapes removed.
    static func parameters(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        var parts: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for ch in header {
            if escaped { current.append(ch); escaped = false; continue }
            if inQuotes && ch == "\\" { escaped = true; continue }
            if ch == "\"" { inQuotes.toggle(); continue }
            if ch == ";" && !inQuotes { parts.append(current); current = ""; continue }
            current.append(ch)
        }
        parts.append(current)
        for part in parts.dropFirst() {
            guard let eq = part.firstIndex(of: "=") else { continue }
            let key = part[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            let value = part[part.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if !key.isEmpty, result[key] == nil { result[key] = value }
        }
        return result
    }

    /// RFC 5987 ext-value: `charset'language'pct-encoded`. UTF-8 and the GBK family are understood.
    static func decodeExtValue(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        let charset = pieces[0].lowercased()
        guard let bytes = percentDecodedBytes(String(pieces[2])) else { return nil }
        switch charset {
        case "utf-8", "utf8": return String(validating: bytes, as: UTF8.self)
        case "gbk", "gb2312", "gb18030", "cp936", "x-gbk":
            return String(data: Data(bytes), encoding: HeaderDecoding.gb18030)
        case "iso-8859-1", "latin1": return String(bytes.map { Character(Unicode.Scalar($0)) })
        default: return String(validating: bytes, as: UTF8.self)
        }
    }

    /// A plain `filename=` value: MIME encoded-word (`=?UTF-8?B?…?=`), percent-encoded bytes, or as is.
    static func decodePlain(_ value: String) -> String {
        if value.hasPrefix("=?"), value.hasSuffix("?="), let decoded = decodeEncodedWord(value) { return decoded }
        if value.contains("%"), let decoded = percentDecode(value) { return decoded }
        return value
    }

    /// Percent-decode to bytes, then UTF-8, else GB18030. nil when there is nothing valid to decode.
    static func percentDecode(_ s: String) -> String? {
        guard let bytes = percentDecodedBytes(s) else { return nil }
        return String(validating: bytes, as: UTF8.self) ?? String(data: Data(bytes), encoding: HeaderDecoding.gb18030)
    }

    static func percentDecodedBytes(_ s: String) -> [UInt8]? {
        let src = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < src.count {
            if src[i] == UInt8(ascii: "%") {
                guard i + 2 < src.count, let h = hex(src[i + 1]), let l = hex(src[i + 2]) else { return nil }
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(src[i])
                i += 1
            }
        }
        return out
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// RFC 2047 encoded-word with B (base64) encoding, UTF-8 or the GBK family.
    private static func decodeEncodedWord(_ s: String) -> String? {
        let inner = s.dropFirst(2).dropLast(2).split(separator: "?", omittingEmptySubsequences: false)
        guard inner.count == 3, inner[1].uppercased() == "B", let data = Data(base64Encoded: String(inner[2])) else { return nil }
        let charset = inner[0].lowercased()
        if charset.hasPrefix("gb") { return String(data: data, encoding: HeaderDecoding.gb18030) }
        return String(data: data, encoding: .utf8)
    }

    /// Keep only the last path component; drop control characters; nil when nothing is left.
    static func sanitize(_ name: String) -> String? {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? nil : cleaned
    }
}
