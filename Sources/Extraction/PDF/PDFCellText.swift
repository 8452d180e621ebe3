/// Recognising the text of value cells.
enum PDFCellText {
    /// A number as printed in a cell: 1362, 96171.6, 3,119, -8, +1036, 251000元, 12件.
    /// (Works on Unicode scalars: it runs for every segment of every page.)
    static func isNumber(_ text: String) -> Bool {
        var v: [UInt32] = []
        v.reserveCapacity(16)
        for u in text.unicodeScalars where !TextScalars.isSpace(u) { v.append(u.value) }
        // Units: 万元 (4E07 5143), 元 5143, 件 4EF6, 个 4E2A, %.
        if v.count >= 2, v[v.count - 2] == 0x4E07, v[v.count - 1] == 0x5143 { v.removeLast(2) }
        else if let l = v.last, l == 0x5143 || l == 0x4EF6 || l == 0x4E2A || l == 0x25 { v.removeLast() }
        var i = 0
        if let f = v.first, f == 0x2B || f == 0x2D { i = 1 }
        guard i < v.count, (0x30...0x39).contains(v[i]), v.last != 0x2E else { return false }
        var dots = 0
        while i < v.count {
            switch v[i] {
            case 0x30...0x39, 0x2C, 0xFF0C: break
            case 0x2E: dots += 1
            default: return false
            }
            i += 1
        }
        return dots <= 1
    }

    /// A number or a dash-like placeholder ("-", "—", "/", "无").
    static func isValueLike(_ text: String) -> Bool {
        var kept = String.UnicodeScalarView()
        for u in text.unicodeScalars where !TextScalars.isSpace(u) { kept.append(u) }
        let t = String(kept)
        return isNumber(t) || placeholders.contains(t)
    }

    static let placeholders: Set<String> = ["-", "—", "－", "——", "/", "／", "无", "–"]

    // The label tests below run for every label fragment of every table, so they work on
    // Unicode scalars, not Characters (grapheme breaking was a tenth of the PDF layout time).

    /// The kind of numbering a label starts with: "一、" → 1, "（一）" / "(1)" → 2, "1." / "2、" → 3,
    /// "第二十条" → 4; 0 when none. Rows numbered like a group label are not inside that group.
    static func enumeratorClass(_ text: String) -> Int {
        guard startsEnumerated(text) else { return 0 }
        let t = TextScalars.trimmed(text)
        if isCaption(text) { return 4 }
        if t.first == "（" || t.first == "(" { return 2 }
        if let f = t.first, TextScalars.isDigit(f) { return 3 }
        return 1
    }

    /// Chinese numerals of list enumerators (一、 … 十、, （三）).
    static let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    /// Chinese numerals of article numbers (第二十条, 第一百零一条).
    static let captionDigits: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"]

    /// A caption row of table 二: "第二十条第（一）项".
    static func isCaption(_ text: String) -> Bool {
        let t = TextScalars.trimmed(text)
        guard t.first == "第" else { return false }
        let rest = t.dropFirst()
        let n = rest.prefix { captionDigits.contains($0) || TextScalars.isDigit($0) }
        return !n.isEmpty && rest[n.endIndex...].first == "条"
    }

    /// A label that starts a new row: "一、", "（三）", "(3)", "1.", "2、", "第二十条…".
    static func startsEnumerated(_ text: String) -> Bool {
        let t = TextScalars.trimmed(text)
        guard let f = t.first else { return false }
        if isCaption(text) { return true }
        if f == "（" || f == "(" {
            let rest = t.dropFirst()
            let inner = rest.prefix { numerals.contains($0) || TextScalars.isDigit($0) }
            let after = rest[inner.endIndex...].first
            return !inner.isEmpty && (after == "）" || after == ")")
        }
        if numerals.contains(f) {
            let n = t.prefix { numerals.contains($0) }
            return t[n.endIndex...].first == "、"
        }
        if TextScalars.isDigit(f) {
            let n = t.prefix(while: TextScalars.isDigit)
            guard let sep = t[n.endIndex...].first else { return false }
            return sep == "." || sep == "、" || sep == "．"
        }
        return false
    }
}
