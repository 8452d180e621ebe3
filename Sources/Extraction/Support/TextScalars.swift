/// Scalar-level text tests shared by the PDF and Word readers. They run for every word and label,
/// so they avoid `Character` (grapheme breaking) and Unicode property lookups where they can.
enum TextScalars {
    /// White space as `Character.isWhitespace` has it, answered without a property lookup for
    /// the common cases (ASCII, CJK, other letters).
    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x3000: return true
        case 0x21...0x7E, 0x3001...0xFFFF: return false
        default: return u.properties.isWhitespace
        }
    }

    /// An ASCII digit.
    static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x39 }

    /// `text`'s scalars after its leading white space.
    static func trimmed(_ text: String) -> Substring.UnicodeScalarView {
        Substring(text).unicodeScalars.drop(while: isSpace)
    }
}

extension String {
    /// Runs of white space (line breaks included) as one space, none at the ends: link text,
    /// titles and other one-line metadata.
    var collapsingWhitespace: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}

extension Character {
    /// An ASCII digit (page numbers, Word heading style numbers).
    var isASCIIDigitChar: Bool { isASCII && isNumber }
}
