/// Splits one text line into cells, recognising the flattened-table shapes:
/// tab-separated fields, pipe rows (`| 规章 | 0 | 0 | 0 |`), `pdftotext -layout` columns (runs of two
/// or more spaces), and a single cell per line. Numbers separated by single spaces ("0 0 0", or
/// "行政许可 12") become separate cells. Works on UTF-8 bytes: this runs on every line of every report.
enum LineSplitter {
    static func split(_ line: Substring) -> [Cell] {
        if line.isEmpty { return [] }
        var fields: [Substring]
        if line.hasByte(9) {
            fields = splitBytes(line, 9).map(trim)
            while let f = fields.first, f.isEmpty { fields.removeFirst() }   // indentation / rowspan fillers
            if fields.isEmpty { return [Cell(text: "", kind: .blank, line: 0, alone: true)] }
        } else {
            let t = trim(line)
            if t.isEmpty { return [Cell(text: "", kind: .blank, line: 0, alone: true)] }
            var pipes = 0, doubleSpace = false
            func scan<C: Collection>(_ bytes: C) where C.Element == UInt8 {
                var prevSpace = false
                for b in bytes {
                    if b == 124 { pipes += 1 }
                    if b == 32 { if prevSpace { doubleSpace = true }; prevSpace = true } else { prevSpace = false }
                }
            }
            if t.utf8.withContiguousStorageIfAvailable({ scan($0) }) == nil { scan(t.utf8) }
            if t.utf8.first == 124 || pipes >= 2 {
                fields = splitBytes(t, 124).map(trim)
                if t.utf8.first == 124, fields.first?.isEmpty == true { fields.removeFirst() }
                if t.utf8.last == 124, fields.last?.isEmpty == true { fields.removeLast() }
                if fields.allSatisfy({ isSeparator($0) || $0.isEmpty }) { return [] }
            } else if doubleSpace {
                return layoutCells(line)
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
            } else if !f.hasByte(32) {
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
        guard field.hasByte(32) else { return [field] }
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

    /// A `pdftotext -layout` line: fields separated by 2+ spaces, each with its display columns, so
    /// a row with blank cells can be aligned to the columns of full rows.
    static func layoutCells(_ line: Substring) -> [Cell] {
        var out: [Cell] = []
        var col: Int32 = 0
        var fieldStart: String.Index? = nil
        var fieldCol: Int32 = 0
        var lastNonSpaceEnd: Int32 = 0
        var lastNonSpaceIndex = line.startIndex
        var spaces = 0
        func emit(_ end: String.Index, _ endCol: Int32) {
            guard let s0 = fieldStart else { return }
            let text = String(line[s0..<end])
            for piece in splitNumbers(text) {
                var c = Cell(text: piece)
                c.columnStart = fieldCol   // pieces of one field share its columns (cleared below)
                c.columnEnd = endCol
                out.append(c)
            }
            fieldStart = nil
        }
        var i = line.unicodeScalars.startIndex
        while i < line.unicodeScalars.endIndex {
            let sc = line.unicodeScalars[i]
            let w: Int32 = sc.value >= 0x1100 && (sc.value <= 0x115F || (sc.value >= 0x2E80 && sc.value <= 0xA4CF) ||
                (sc.value >= 0xAC00 && sc.value <= 0xD7A3) || (sc.value >= 0xF900 && sc.value <= 0xFAFF) ||
                (sc.value >= 0xFE30 && sc.value <= 0xFE4F) || (sc.value >= 0xFF00 && sc.value <= 0xFF60)) ? 2 : 1
            if sc == " " {
                spaces += 1
                if spaces == 2, fieldStart != nil { emit(lastNonSpaceIndex, lastNonSpaceEnd) }
            } else {
                if fieldStart == nil { fieldStart = i; fieldCol = col }
                spaces = 0
                lastNonSpaceEnd = col + w
                lastNonSpaceIndex = line.unicodeScalars.index(after: i)
            }
            col += w
            i = line.unicodeScalars.index(after: i)
        }
        if fieldStart != nil { emit(lastNonSpaceIndex, lastNonSpaceEnd) }
        // Several numbers in one field ("0 0 0") lose their individual columns.
        var counts: [Int32: Int] = [:]
        for c in out where c.columnStart >= 0 { counts[c.columnStart, default: 0] += 1 }
        for k in out.indices where (counts[out[k].columnStart] ?? 0) > 1 { out[k].columnStart = -1; out[k].columnEnd = -1 }
        return out
    }
}
