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
    static func number(_ s: Substring) -> (Double, Bool)? {
        var digits: [UInt8] = []
        digits.reserveCapacity(s.utf8.count)
        var sawDigit = false, sawDot = false, plain = true
        var negative = false
        var first = true
        var lastWasComma = false
        for b in s.utf8 {
            defer { first = false }
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(b); sawDigit = true; lastWasComma = false
            case UInt8(ascii: "+") where first: plain = false
            case UInt8(ascii: "-") where first: negative = true; plain = false
            case UInt8(ascii: ",") where sawDigit && !sawDot && !lastWasComma:
                plain = false; lastWasComma = true
            case UInt8(ascii: ".") where sawDigit && !sawDot:
                digits.append(b); sawDot = true; lastWasComma = false
            default:
                return nil
            }
        }
        guard sawDigit, !lastWasComma, digits.last != UInt8(ascii: ".") else { return nil }
        guard digits.count <= 18 else { return nil }
        let v: Double
        if !sawDot {
            var n: Int64 = 0
            for d in digits { n = n * 10 + Int64(d - 48) }
            v = Double(n)
        } else {
            guard let parsed = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
            v = parsed
        }
        return (negative ? -v : v, plain)
    }
}
