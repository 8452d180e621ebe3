/// Character-level canonicalisation on Unicode scalars (no regular expressions: this runs on every line).
enum ScalarFolding {
    /// How normalized text marks an explicit blank cell: one NBSP alone on its line or in its tab field.
    static let explicitBlank: Unicode.Scalar = "\u{00A0}"

    /// NBSP and the ideographic space: what Word and CMS exports put in a cell left blank on purpose.
    static func isHardSpace(_ s: Unicode.Scalar) -> Bool { s.value == 0x00A0 || s.value == 0x3000 }

    /// True for CJK ideographs and CJK punctuation: the characters between which a stray space or
    /// line break is an artifact, not a separator.
    @inline(__always)
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3001...0x303F).contains(v)
            || (0xF900...0xFAFF).contains(v)
    }

    /// A String from scalars, via UTF-8 bytes (much faster than appending to a UnicodeScalarView).
    static func string(_ scalars: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for s in scalars {
            let v = s.value
            switch v {
            case 0..<0x80: bytes.append(UInt8(v))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | (v >> 6))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | (v >> 12))); bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            default:
                bytes.append(UInt8(0xF0 | (v >> 18))); bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F))); bytes.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Maps one scalar to its canonical form; nil drops it.
    @inline(__always)
    static func map(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        switch v {
        case 0xFF01, 0xFF0C, 0xFF1A, 0xFF1B, 0xFF1F: return s              // ！，：；？ stay Chinese sentence punctuation
        case 0xFF02...0xFF5E: return Unicode.Scalar(v - 0xFEE0)          // full-width digits, letters, brackets …
        case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F, 0x205F: return " "  // ideographic, NBSP and other spaces
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD: return nil          // zero-width, BOM, soft hyphen
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x300C, 0x300D: return "\""  // curly quotes, 「」
        case 0x2018, 0x2019: return "'"
        case 0x2212, 0x2010, 0x2011: return "-"
        case 0x0D: return nil
        default: return s
        }
    }

    /// Folds one line (text mode: tabs kept, only single spaces between CJK close up) or one inline text
    /// (joinNewlines: every whitespace run collapses; runs between CJK characters vanish; trimmed).
    static func fold(_ input: [Unicode.Scalar], joinNewlines: Bool) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        fold(input, joinNewlines: joinNewlines, into: &out)
        return out
    }

    /// One pass: map each scalar, and decide each space run when the next non-space arrives.
    static func fold(_ input: [Unicode.Scalar], joinNewlines: Bool, into out: inout [Unicode.Scalar]) {
        var source = input
        if input.contains("[") { removeBookmarks(&source) }
        out.reserveCapacity(out.count + source.count)
        let base = out.count
        var pending = 0          // spaces seen and not yet written
        for raw in source {
            guard var m = map(raw) else { continue }
            if joinNewlines && (m == "\t" || m == "\n" || m == "\u{0C}" || m == "\u{0B}") { m = " " }
            if m == " " { pending += 1; continue }
            if pending > 0 {
                if out.count > base {
                    let p = out[out.count - 1]
                    let bothCJK = isCJK(p) && isCJK(m)
                    if joinNewlines {
                        if !bothCJK { out.append(" ") }
                    } else if !(pending == 1 && bothCJK) {
                        out.append(contentsOf: repeatElement(" ", count: pending))
                    }
                } else if !joinNewlines {
                    out.append(contentsOf: repeatElement(" ", count: pending))   // indentation kept (layout text)
                }
                pending = 0
            }
            out.append(m)
        }
        // Trailing spaces are dropped.
    }

    /// Drops Word's `[bookmark: …]` markers.
    static func removeBookmarks(_ a: inout [Unicode.Scalar]) {
        let marker: [Unicode.Scalar] = Array("[bookmark:".unicodeScalars)
        guard a.count >= marker.count, a.contains("[") else { return }
        var out: [Unicode.Scalar] = []
        var i = 0
        var changed = false
        while i < a.count {
            if a[i] == "[", i + marker.count <= a.count, Array(a[i..<(i + marker.count)]) == marker,
               let close = a[(i + marker.count)...].firstIndex(of: "]") {
                i = close + 1
                changed = true
                continue
            }
            out.append(a[i])
            i += 1
        }
        if changed { a = out }
    }

    /// A pdftotext page number line such as "-3-" or "- 12 -".
    static func isPageNumber(_ a: [Unicode.Scalar]) -> Bool {
        var digits = 0, dashes = 0
        for s in a {
            switch s {
            case "0"..."9": digits += 1
            case "-": dashes += 1
            case " ", "\t": continue
            default: return false
            }
        }
        guard digits > 0 && digits <= 4 && dashes == 2 else { return false }
        let t = a.filter { $0 != " " && $0 != "\t" }
        return t.first == "-" && t.last == "-"
    }
}
