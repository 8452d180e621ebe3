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

    /// Words closer than 0.8 em join into one segment; wider gaps separate table cells. Inside a
    /// segment a gap over 0.15 em is a space between Latin or digit words (never between CJK),
    /// except in letter-spaced text (see ``letterSpacing(_:ems:)``).
    static func segments(_ words: [PDFWord]) -> [PDFSegment] {
        let ems = words.map { TextJoin.emSize(text: $0.text, width: $0.x1 - $0.x0) }
        let (letterSpaced, runSpacing) = letterSpacing(words, ems: ems)
        var out: [PDFSegment] = []
        for (i, w) in words.enumerated() {
            let em = ems[i]
            if var last = out.last {
                let gap = w.x0 - last.x1
                let unit = max(min(em, last.em), 1)
                // Between two letter-spaced runs of the same spacing (a word space inside a
                // letter-spaced label, "(一) 予以公开"), the spacing widens the word gap too.
                var widen = 0.0
                if i > 0, let a = runSpacing[i - 1], let b = runSpacing[i], max(a, b) <= 1.3 * min(a, b) { widen = max(a, b) }
                if gap < 0.8 * unit + widen {
                    last.text = TextJoin.join(last.text, w.text, spaced: gap > max(0.15 * unit, letterSpaced[i] ?? 0))
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

    /// Letter-spaced text (Word's expanded character spacing, WPS's 分散对齐 cells) comes from
    /// `pdftotext -raw` one character per word, evenly apart: "2 0 2 3". As pdftotext's own line
    /// pass does, a run of single characters closer than 0.8 em is one word when its gaps are
    /// even: a gap up to 1.3 × the run's smallest gap, and under 0.4 em, is not a space.
    /// (Real word spaces between single characters, as in "a b", read as letter spacing too;
    /// pdftotext's rule has the same blind spot.)
    /// Returns, for each word that follows another in such a run, the gap below which the two are
    /// joined without a space (nil elsewhere).
    static func letterSpacing(_ words: [PDFWord], ems: [Double]) -> (joinBelow: [Double?], runSpacing: [Double?]) {
        var out = [Double?](repeating: nil, count: words.count)
        // The even gap of the letter-spaced run each word belongs to (over 0.1 em: real spacing).
        var spacing = [Double?](repeating: nil, count: words.count)
        func isSingle(_ w: PDFWord) -> Bool { w.text.unicodeScalars.count == 1 }
        func unit(_ k: Int) -> Double { max(min(ems[k], ems[k - 1]), 1) }
        var i = 1
        while i < words.count {
            var j = i
            var smallest = Double.infinity
            while j < words.count, isSingle(words[j - 1]), isSingle(words[j]) {
                let gap = words[j].x0 - words[j - 1].x1
                guard gap < 0.8 * unit(j) else { break }
                smallest = min(smallest, gap)
                j += 1
            }
            guard j > i else { i += 1; continue }
            // The run's em is its widest character's: a narrow glyph (".", "1") under-reads it.
            let em = ems[(i - 1)..<j].max() ?? 1
            let limit = min(1.3 * max(smallest, 0), 0.4 * em)
            for k in i..<j { out[k] = limit }
            if smallest > 0.1 * em, smallest < 0.4 * em {
                for k in (i - 1)..<j { spacing[k] = smallest }
            }
            i = j
        }
        return (out, spacing)
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
