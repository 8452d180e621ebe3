/// Reading a table cell's text as a value: plain numbers, signs, decimals, thousands separators,
/// units (元, 万元, 件, 个, 项, 条), and the dash-like placeholders that mean "no number".
enum ValueText {
    /// What a cell's text says.
    struct Reading: Equatable, Sendable {
        /// The number, or nil for a blank, a placeholder or unreadable text.
        var value: Double?
        /// True for a plain unsigned number (digits, optional decimals): no raw text needs keeping.
        var plain: Bool
        /// False when the text is neither a number, a blank nor a known placeholder.
        var readable: Bool
        /// A unit suffix that was stripped ("元", "万元", …).
        var unit: String?
    }

    static let units: [String] = ["万元", "元", "件", "个", "项", "条", "次"]
    static let unitLast: Set<Unicode.Scalar> = ["元", "件", "个", "项", "条", "次"]
    static let placeholders: Set<String> = ["-", "--", "—", "——", "–", "/", "//", "无", "null", "N/A", "n/a", "×"]

    static func kind(of text: String) -> Cell.Kind {
        if text.isEmpty { return .blank }
        return read(text).readable ? .value : .label
    }

    static func isNumeric(_ s: Substring) -> Bool { number(s) != nil }

    /// Short text with digits and at most one Chinese character that is not a label enumerator:
    /// "1O", "l2", "3件x", "12 3" typed into a value cell.
    static func looksLikeBrokenNumber(_ text: String) -> Bool {
        guard text.utf8.count <= 36 else { return false }
        let scalars = text.unicodeScalars
        guard scalars.count <= 12, scalars.contains(where: { $0.value >= 48 && $0.value <= 57 }) else { return false }
        let ideographs = scalars.filter { LabelKey.isIdeograph($0) }.count
        guard ideographs <= 1 else { return false }
        // Enumerators alone ("1.", "(1)", "3、") are labels.
        if let last = scalars.last, last == "." || last == "、" || last == ")" || last == "," { return false }
        if scalars.first == "(" || scalars.first == "第" { return false }
        // "2.XYZ": an enumerated label, however odd its text.
        return LabelKey(text).enumerator == .none
    }

    static func read(_ text: String) -> Reading {
        let t = LineSplitter.trim(Substring(text))
        if t.isEmpty { return Reading(value: nil, plain: false, readable: true) }
        if let (v, plain) = number(t) { return Reading(value: v, plain: plain, readable: true) }
        if t.utf8.count <= 6, placeholders.contains(String(t)) { return Reading(value: nil, plain: false, readable: true) }
        guard let last = t.unicodeScalars.last, unitLast.contains(last), let first = t.utf8.first,
              (first >= 48 && first <= 57) || first == 43 || first == 45 else {
            return Reading(value: nil, plain: false, readable: false)
        }
        for u in units where t.hasSuffix(u) {
            let body = LineSplitter.trim(t.dropLast(u.count))
            if let (v, _) = number(body) { return Reading(value: v, plain: false, readable: true, unit: u) }
        }
        return Reading(value: nil, plain: false, readable: false)
    }

    /// Parses [+-]digits[,digits…][.digits]; returns the value and whether it was plain (no sign, no commas).
    /// No allocation on the integer path (this runs on every cell).
    static func number(_ s: Substring) -> (Double, Bool)? {
        var sawDigit = false, sawDot = false, plain = true, negative = false, first = true, lastWasComma = false
        var intValue: Int64 = 0
        var digitCount = 0
        var lastWasDot = false
        for b in s.utf8 {
            defer { first = false }
            switch b {
            case 48...57:
                sawDigit = true; lastWasComma = false; lastWasDot = false
                digitCount += 1
                if digitCount > 18 { return nil }
                if !sawDot { intValue = intValue * 10 + Int64(b - 48) }
            case 43 where first: plain = false                       // +
            case 45 where first: negative = true; plain = false      // -
            case 44 where sawDigit && !sawDot && !lastWasComma: plain = false; lastWasComma = true   // ,
            case 46 where sawDigit && !sawDot: sawDot = true; lastWasComma = false; lastWasDot = true // .
            default: return nil
            }
        }
        guard sawDigit, !lastWasComma, !lastWasDot else { return nil }
        var v = Double(intValue)
        if sawDot {
            let cleaned = String(decoding: s.utf8.filter { $0 != 44 && $0 != 43 && $0 != 45 }, as: UTF8.self)
            guard let parsed = Double(cleaned) else { return nil }
            v = parsed
        }
        return (negative ? -v : v, plain)
    }
}
