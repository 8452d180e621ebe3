import NianbaoCore

/// Turns the stitched lines of a PDF into Document blocks: a title heading, section headings,
/// paragraphs (hard-wrapped lines joined, CJK without spaces), and table grids for the regions
/// whose lines are split into columns.
struct PDFLayout {
    var lines: [PDFLine]

    func blocks() -> (blocks: [Block], title: String?) {
        guard !lines.isEmpty else { return ([], nil) }
        let bodyEm = median(lines.filter { $0.segments.count == 1 }.map(\.em)) ?? median(lines.map(\.em)) ?? 10
        let left = percentile(lines.filter { $0.segments.count == 1 }.map(\.x0), 0.1) ?? lines[0].x0
        let right = percentile(lines.filter { $0.segments.count == 1 }.map(\.x1), 0.9) ?? lines[0].x1
        let width = max(right - left, 1)
        let inTable = tableRegions(bodyWidth: width)

        var blocks: [Block] = []
        var title: String?
        var i = 0
        // Title: the leading lines set larger than the body text.
        var titleLines: [String] = []
        while i < lines.count, inTable[i] == nil, lines[i].em >= 1.25 * bodyEm, titleLines.count < 4,
              lines[i].em >= 0.9 * lines[0].em, !Self.looksLikeSectionHeading(lines[i].text) {
            titleLines.append(lines[i].text)
            i += 1
        }
        if !titleLines.isEmpty {
            title = TextJoin.joinWrapped(titleLines)
            blocks.append(.heading(title!, level: 1))
        }
        var paragraph: [PDFLine] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            let text = TextJoin.joinWrapped(paragraph.map(\.text))
            let isHeading = paragraph.count == 1 && text.count <= 40
                && (paragraph[0].em >= 1.2 * bodyEm || Self.looksLikeSectionHeading(text))
            blocks.append(isHeading ? .heading(text, level: 2) : .paragraph(text))
            paragraph = []
        }
        while i < lines.count {
            if let end = inTable[i] {
                flush()
                let region = Array(lines[i...end])
                if let grid = PDFTableBuilder(lines: Self.dropRepeatedHeaders(region)).build() {
                    blocks.append(.table(grid))
                } else {
                    blocks.append(Block(text: region.map { $0.segments.map(\.text).joined(separator: "\t") }.joined(separator: "\n")))
                }
                i = end + 1
                continue
            }
            let line = lines[i]
            if let prev = paragraph.last {
                let indented = line.x0 > left + 1.0 * bodyEm
                let prevShort = prev.x1 < right - 2 * bodyEm
                let sizeChange = abs(line.em - prev.em) > 0.15 * bodyEm
                let gap = line.y0 - prev.y1 > 1.2 * max(line.height, prev.height)
                if indented || prevShort || sizeChange || gap { flush() }
            }
            paragraph.append(line)
            i += 1
        }
        flush()
        return (blocks, title)
    }

    /// "一、总体情况", "二、主动公开政府信息情况": a numbered line standing alone.
    static func looksLikeSectionHeading(_ text: String) -> Bool {
        let t = Substring(text).unicodeScalars.drop { TextScalars.isSpace($0) || $0 == "#" }
        let n = t.prefix { PDFCellText.numerals.contains($0) }
        return !n.isEmpty && t[n.endIndex...].first == "、"
    }

    /// Index of the last line of the table region starting at each line that starts one.
    func tableRegions(bodyWidth: Double) -> [Int: Int] {
        var regions: [Int: Int] = [:]
        var i = 0
        while i < lines.count {
            guard lines[i].segments.count >= 2 else { i += 1; continue }
            let em = median(lines[i].segments.filter { !$0.isNumber }.map(\.em)) ?? lines[i].em
            func tableLike(_ l: PDFLine) -> Bool {
                l.segments.count >= 2 || (l.em <= 1.15 * em && (l.x1 - l.x0) < 0.7 * bodyWidth)
            }
            var start = i
            while start > 0, regions.values.allSatisfy({ $0 < start - 1 }), i - start < 4,
                  lines[start - 1].segments.count == 1, tableLike(lines[start - 1]),
                  lines[start].y0 - lines[start - 1].y1 <= 3 * em {
                start -= 1
            }
            var end = i
            var lastTabular = i
            var j = i + 1
            while j < lines.count, tableLike(lines[j]), lines[j].y0 - lines[j - 1].y1 <= 4 * max(em, lines[j].em) {
                if lines[j].segments.count >= 2 { lastTabular = j }
                if j - lastTabular > 12 { break }
                end = j
                j += 1
            }
            // Trailing single lines belong to the table only when they sit beside its labels
            // (wrapped label text after the last row of numbers), not beyond its right edge.
            while end > lastTabular, lines[end].x0 > lines[lastTabular].x1 { end -= 1 }
            regions[start] = end
            i = end + 1
        }
        return regions
    }

    /// When a table continues on a new page under a repeated header, the repeat is dropped.
    static func dropRepeatedHeaders(_ region: [PDFLine]) -> [PDFLine] {
        guard let firstData = region.firstIndex(where: { $0.segments.contains { $0.isNumber } }),
              firstData > 0 else { return region }
        let header = region[..<firstData].map(\.text)
        var out: [PDFLine] = []
        var k = 0
        while k < region.count {
            if k > firstData, region[k].page != region[k - 1].page,
               k + header.count <= region.count, Array(region[k..<(k + header.count)].map(\.text)) == header {
                k += header.count
                continue
            }
            out.append(region[k])
            k += 1
        }
        return out
    }

    func median(_ xs: [Double]) -> Double? { percentile(xs, 0.5) }

    func percentile(_ xs: [Double], _ p: Double) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        return s[min(s.count - 1, Int(Double(s.count - 1) * p))]
    }
}
