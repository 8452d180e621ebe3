/// Splits one text line into cells, recognising the flattened-table shapes:
/// tab-separated fields, pipe rows (`| 规章 | 0 | 0 | 0 |`), `pdftotext -layout` columns (runs of two
/// or more spaces), and a single cell per line. Numbers separated by single spaces ("0 0 0", or
/// "行政许可 12") become separate cells. Works on UTF-8 bytes: this runs on every line of every report.
enum LineSplitter {
    static func split(_ line: Substring) -> [Cell] {
        if line.isEmpty { return [] }
        var fields: [Substring]
        let u = line.utf8
        if u.contains(9) {
            fields = splitBytes(line, 9).map(trim)
            while let f = fields.first, f.isEmpty { fields.removeFirst() }   // indentation / rowspan fillers
            if fields.isEmpty { return [Cell(text: "", kind: .blank, line: 0, alone: true)] }
        } else {
            let t = trim(line)
            if t.isEmpty { return [Cell(text: "", kind: .blank, line: 0, alone: true)] }
            var pipes = 0, doubleSpace = false, prevSpace = false
            for b in t.utf8 {
                if b == 124 { pipes += 1 }
                if b == 32 { if prevSpace { doubleSpace = true }; prevSpace = true } else { prevSpace = false }
            }
            if t.utf8.first == 124 || pipes >= 2 {
                fields = splitBytes(t, 124).map(trim)
                if t.utf8.first == 124, fields.first?.isEmpty == true { fields.removeFirst() }
                if t.utf8.last == 124, fields.last?.isEmpty == true { fields.removeLast() }
                if fields.allSatisfy({ isSeparator($0) || $0.isEmpty }) { return [] }
            } else if doubleSpace {
                fields = splitOnSpaceRuns(t)
            } else {
                fields = [t]
            }
        }
        var out: [Cell] = []
        out.reserveCapacity(fields.count)
        for f in fields {
            if f.utf8.elementsEqual([0xC2, 0xA0]) {
                var c = Cell(text: "", kind: .blank, line: 0, alone: false)
                c.explicit = true
                out.append(c)
            } else if f.isEmpty {
                out.append(Cell(text: "", kind: .blank, line: 0, alone: false))
            } else if isSeparator(f) {
                continue
            } else if !f.utf8.contains(32) {
                out.append(Cell(text: String(f)))
            } else {
                for piece in splitNumbers(String(f)) { out.append(Cell(text: piece)) }
            }
        }
        return out
    }

    /// Splits on one ASCII byte, keeping empty fields.
    static func splitBytes(_ s: Substring, _ sep: UInt8) -> [Substring] {
        var out: [Substring] = []
        let u = s.utf8
        var start = u.startIndex
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == sep {
                out.append(s[start..<i])
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        out.append(s[start..<u.endIndex])
        return out
    }

    /// "0 0 0" → three cells; "行政许可 12" → label and value; anything else unchanged.
    static func splitNumbers(_ field: String) -> [String] {
        guard field.utf8.contains(32) else { return [field] }
        let tokens = splitBytes(Substring(field), 32).filter { !$0.isEmpty }
        guard tokens.count > 1 else { return [String(tokens.first ?? "")] }
        var firstNumeric = tokens.count
        while firstNumeric > 0 && ValueText.isNumeric(tokens[firstNumeric - 1]) { firstNumeric -= 1 }
        if firstNumeric == tokens.count { return [field] }
        if firstNumeric == 0 { return tokens.map(String.init) }
        let head = tokens[0..<firstNumeric].joined(separator: " ")
        guard head.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) else { return [field] }
        return [head] + tokens[firstNumeric...].map(String.init)
    }

    /// Trims ASCII spaces and tabs.
    static func trim(_ s: Substring) -> Substring {
        let u = s.utf8
        var a = u.startIndex, b = u.endIndex
        while a < b, u[a] == 32 || u[a] == 9 { a = u.index(after: a) }
        while b > a {
            let p = u.index(before: b)
            guard u[p] == 32 || u[p] == 9 else { break }
            b = p
        }
        return s[a..<b]
    }

    /// Markdown rules and table separators: "---", "|:---:|", "=====".
    static func isSeparator(_ s: Substring) -> Bool {
        s.utf8.count >= 3 && s.utf8.allSatisfy { $0 == 45 || $0 == 61 || $0 == 58 || $0 == 124 || $0 == 43 || $0 == 32 }
    }

    static func splitOnSpaceRuns(_ t: Substring) -> [Substring] {
        var out: [Substring] = []
        let u = t.utf8
        var start = u.startIndex
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == 32 {
                var j = i
                var n = 0
                while j < u.endIndex && u[j] == 32 { j = u.index(after: j); n += 1 }
                if n >= 2 {
                    if start < i { out.append(t[start..<i]) }
                    start = j
                }
                i = j
            } else {
                i = u.index(after: i)
            }
        }
        if start < u.endIndex { out.append(t[start..<u.endIndex]) }
        return out.map(trim)
    }
}
