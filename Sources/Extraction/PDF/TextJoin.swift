/// Joining text pieces the way Chinese typesetting needs: no space between CJK characters (a
/// line wrapped inside a cell or paragraph is not a word break), one space between Latin words.
enum TextJoin {
    static func isWide(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return isWide(s)
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF,
             0x2018...0x201F, 0x2026, 0x3000...0x303F:
            return true
        default:
            return false
        }
    }

    /// Joins two pieces of one line or of a wrapped cell. `spaced` says the source had a visible
    /// gap; a space is kept only when neither side is a wide (CJK) character.
    static func join(_ a: String, _ b: String, spaced: Bool) -> String {
        guard let last = a.last, let first = b.first else { return a + b }
        if isWide(last) || isWide(first) { return a + b }
        return spaced ? a + " " + b : a + b
    }

    /// Joins wrapped lines: CJK on either side → no separator; Latin on both sides → a space.
    static func joinWrapped(_ pieces: [String]) -> String {
        var out = ""
        for p in pieces where !p.isEmpty {
            out = out.isEmpty ? p : join(out, p, spaced: true)
        }
        return out
    }

    /// Font size estimated from a word's width: CJK and full-width glyphs are 1 em, others 0.5 em.
    static func emSize(text: String, width: Double) -> Double {
        var ems = 0.0
        // By scalar (a word of every page goes through here): marks that join the previous
        // character (combining accents, variation selectors, zero-width joiners) take no room.
        for u in text.unicodeScalars {
            switch u.value {
            case 0x0300...0x036F, 0x200B...0x200D, 0xFE00...0xFE0F: continue
            default: ems += isWide(u) ? 1 : 0.5
            }
        }
        return ems > 0 ? width / ems : width
    }
}
