/// A run of words on one visual line with small gaps between them: one table cell's text, or a
/// whole line of running text.
struct PDFSegment: Sendable {
    var x0: Double
    var x1: Double
    var y0: Double
    var y1: Double
    var text: String
    /// Font size estimated from the glyph advance (CJK = 1 em, ASCII = 0.5 em).
    var em: Double
    /// `PDFCellText.isNumber(text)`, worked out once when the segment is complete (while
    /// pdftotext is still reading later pages) instead of at every test of the layout.
    var isNumber = false
    var centerX: Double { (x0 + x1) / 2 }
}

/// One visual line; y values are "stitched" document coordinates (pages laid end to end with
/// their margins removed), so a table that runs onto the next page stays contiguous.
struct PDFLine: Sendable {
    var page: Int
    var y0: Double
    var y1: Double
    var segments: [PDFSegment]
    var x0: Double { segments.first?.x0 ?? 0 }
    var x1: Double { segments.last?.x1 ?? 0 }
    var height: Double { y1 - y0 }
    var text: String { segments.map(\.text).joined(separator: " ") }
    /// Median em of the line's segments.
    var em: Double {
        let ems = segments.map(\.em).sorted()
        return ems.isEmpty ? 10 : ems[ems.count / 2]
    }
}

/// Stitches pages into one coordinate space, a page at a time as they are read: each page's
/// words are grouped into lines and segments, page numbers ("-3-", "第 3 页", "3/6") in the top
/// or bottom margin are dropped, and the page is placed just below the previous page's last line.
struct PDFLineStitcher {
    private(set) var lines: [PDFLine] = []

    mutating func add(_ page: PDFPage) {
        var pageLines = PDFLineBuilder.group(page.words, page: page.number)
        pageLines.removeAll { PDFLineBuilder.isPageNumber($0, pageHeight: page.height) }
        guard let first = pageLines.first else { return }
        let offset = lines.last.map { $0.y1 + 0.5 * first.height - first.y0 } ?? 0
        lines.reserveCapacity(lines.count + pageLines.count)
        for var line in pageLines {
            line.y0 += offset
            line.y1 += offset
            for i in line.segments.indices {
                line.segments[i].y0 += offset
                line.segments[i].y1 += offset
            }
            lines.append(line)
        }
    }
}

/// Lines and segments of one page's words, and the page-number test.
enum PDFLineBuilder {
    static func group(_ words: [PDFWord], page: Int) -> [PDFLine] {
        let sorted = words.sorted { $0.y0 < $1.y0 || ($0.y0 == $1.y0 && $0.x0 < $1.x0) }
        var lines: [[PDFWord]] = []
        var lo = 0.0, hi = 0.0
        for w in sorted {
            if let last = lines.indices.last, w.centerY >= lo, w.centerY <= hi, (lo + hi) / 2 >= w.y0, (lo + hi) / 2 <= w.y1 {
                lines[last].append(w)
                lo = min(lo, w.y0)
                hi = max(hi, w.y1)
            } else {
                lines.append([w])
                lo = w.y0
                hi = w.y1
            }
        }
        return lines.map { ws in
            let byX = ws.sorted { $0.x0 < $1.x0 }
            return PDFLine(page: page, y0: byX.map(\.y0).min()!, y1: byX.map(\.y1).max()!, segments: segments(byX))
        }
    }

    /// A page may draw the same text twice, a little offset, for a fake bold face or a shadow;
    /// `pdftotext -raw` keeps both copies. A word with the text of another word less than 0.1 of
    /// its height across and 0.2 down (pdftotext's own limits) is dropped. The words come back
    /// ordered by x.
    static func withoutRepeats(_ words: [PDFWord]) -> [PDFWord] {
        var kept: [PDFWord] = []
        kept.reserveCapacity(words.count)
        for w in words.sorted(by: { $0.x0 < $1.x0 }) {
            let near = 0.1 * w.height
            var repeated = false
            for k in kept.reversed() {
                guard w.x0 - k.x0 < near else { break }
                if k.text == w.text, abs(k.y0 - w.y0) < 2 * near { repeated = true; break }
            }
            if !repeated { kept.append(w) }
        }
        return kept
    }

    /// Words closer than 0.8 em join into one segment; wider gaps separate table cells.
    static func segments(_ words: [PDFWord]) -> [PDFSegment] {
        var out: [PDFSegment] = []
        for w in words {
            let em = TextJoin.emSize(text: w.text, width: w.x1 - w.x0)
            if var last = out.last {
                let gap = w.x0 - last.x1
                let unit = max(min(em, last.em), 1)
                if gap < 0.8 * unit {
                    last.text = TextJoin.join(last.text, w.text, spaced: gap > 0.15 * unit)
                    last.x1 = max(last.x1, w.x1)
                    last.y0 = min(last.y0, w.y0)
                    last.y1 = max(last.y1, w.y1)
                    last.em = max(last.em, em)
                    out[out.count - 1] = last
                    continue
                }
            }
            out.append(PDFSegment(x0: w.x0, x1: w.x1, y0: w.y0, y1: w.y1, text: w.text, em: em))
        }
        for i in out.indices { out[i].isNumber = PDFCellText.isNumber(out[i].text) }
        return out
    }

    /// Dashes around a page number ("-3-", "— 3 —").
    static let dashes: Set<Character> = ["-", "－", "—", "–", "‑"]

    /// A line that is only a page number, in the top 10 % or bottom 15 % of the page.
    static func isPageNumber(_ line: PDFLine, pageHeight: Double) -> Bool {
        guard line.y0 > pageHeight * 0.85 || line.y1 < pageHeight * 0.10 else { return false }
        let t = line.text.filter { !$0.isWhitespace }
        if t.isEmpty || t.count > 12 { return false }
        let core = t.drop { dashes.contains($0) }.reversed().drop { dashes.contains($0) }.reversed()
        if !core.isEmpty, core.allSatisfy(\.isASCIIDigitChar) { return true }
        if t.hasPrefix("第"), t.contains("页"), t.contains(where: \.isASCIIDigitChar) { return true }
        let parts = t.split(separator: "/")
        if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitChar) }) { return true }
        return false
    }
}
