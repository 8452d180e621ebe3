/// Splits one text line into cells, recognising the flattened-table shapes:
/// tab-separated fields, pipe rows (`| 规章 | 0 | 0 | 0 |`), `pdftotext -layout` columns (runs of two
/// or more spaces), and a single cell per line. Numbers separated by single spaces ("0 0 0", or
/// "行政许可 12") become separate cells.
enum LineSplitter {
    static func split(_ line: Substring) -> [Cell] {
        if line.isEmpty { return [] }
        var fields: [Substring]
        if line.contains("\t") {
            fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(trim)
            while let f = fields.first, f.isEmpty { fields.removeFirst() }   // indentation / rowspan fillers
            if fields.isEmpty { return [Cell(text: "", kind: .blank, line: 0, alone: true)] }
        } else {
            let t = trim(line)
            if t.isEmpty { return [Cell(text: "", kind: .blank, line: 0, alone: true)] }
            if t.first == "|" || t.filter({ $0 == "|" }).count >= 2 {
                fields = t.split(separator: "|", omittingEmptySubsequences: false).map(trim)
                if t.first == "|", fields.first?.isEmpty == true { fields.removeFirst() }
                if t.last == "|", fields.last?.isEmpty == true { fields.removeLast() }
                if fields.allSatisfy({ isSeparator($0) || $0.isEmpty }) { return [] }
            } else if t.contains("  ") {
                fields = splitOnSpaceRuns(t)
            } else {
                fields = [t]
            }
        }
        var out: [Cell] = []
        out.reserveCapacity(fields.count)
        for f in fields {
            if f == "\u{00A0}" {
                var c = Cell(text: "", kind: .blank, line: 0, alone: false)
                c.explicit = true
                out.append(c)
            } else if f.isEmpty {
                out.append(Cell(text: "", kind: .blank, line: 0, alone: false))
            } else if isSeparator(f) {
                continue
            } else {
                for piece in splitNumbers(String(f)) {
                    out.append(Cell(text: piece, kind: ValueText.kind(of: piece), line: 0, alone: false))
                }
            }
        }
        return out
    }

    /// "0 0 0" → three cells; "行政许可 12" → label and value; anything else unchanged.
    static func splitNumbers(_ field: String) -> [String] {
        guard field.contains(" ") else { return [field] }
        let tokens = field.split(separator: " ")
        guard tokens.count > 1 else { return [String(tokens.first ?? "")] }
        var firstNumeric = tokens.count
        while firstNumeric > 0 && ValueText.isNumeric(tokens[firstNumeric - 1]) { firstNumeric -= 1 }
        if firstNumeric == tokens.count { return [field] }
        if firstNumeric == 0 { return tokens.map(String.init) }
        let head = tokens[0..<firstNumeric].joined(separator: " ")
        guard head.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) else { return [field] }
        return [head] + tokens[firstNumeric...].map(String.init)
    }

    static func trim(_ s: Substring) -> Substring {
        var a = s.startIndex, b = s.endIndex
        while a < b, s[a] == " " || s[a] == "\t" { a = s.index(after: a) }
        while b > a, s[s.index(before: b)] == " " || s[s.index(before: b)] == "\t" { b = s.index(before: b) }
        return s[a..<b]
    }

    /// Markdown rules and table separators: "---", "|:---:|", "=====".
    static func isSeparator(_ s: Substring) -> Bool {
        s.count >= 3 && s.allSatisfy { $0 == "-" || $0 == "=" || $0 == ":" || $0 == "|" || $0 == "+" || $0 == " " }
    }

    static func splitOnSpaceRuns(_ t: Substring) -> [Substring] {
        var out: [Substring] = []
        var start = t.startIndex
        var i = t.startIndex
        while i < t.endIndex {
            if t[i] == " " {
                var j = i
                var n = 0
                while j < t.endIndex && t[j] == " " { j = t.index(after: j); n += 1 }
                if n >= 2 {
                    if start < i { out.append(t[start..<i]) }
                    start = j
                }
                i = j
            } else {
                i = t.index(after: i)
            }
        }
        if start < t.endIndex { out.append(t[start...]) }
        return out.map(trim)
    }
}
