import Foundation

extension String {
    /// The same as `trimmingCharacters(in: .whitespacesAndNewlines)`, without a trip through
    /// NSString when there is nothing to trim (the usual case: table cells and headings are
    /// already clean; on Linux the Foundation call was about 40 % of parsing a PDF's grids).
    var trimmedWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !Self.isTrimmable(first) && !Self.isTrimmable(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether `CharacterSet.whitespacesAndNewlines` holds the scalar (ASCII answered directly).
    private static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return CharacterSet.whitespacesAndNewlines.contains(scalar)
    }
}
