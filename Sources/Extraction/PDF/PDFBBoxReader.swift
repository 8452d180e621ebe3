/// Reads `pdftotext -bbox -raw` output: an XHTML page whose `<doc>` holds one line per page start,
/// per word and per page end —
///
///     <page width="595.000000" height="842.000000">
///       <word xMin="504.480000" yMin="789.034950" xMax="510.955000" yMax="806.452700">1</word>
///     </page>
///
/// pdftotext escapes `& < > " '` in every text it prints, the document information in `<head>`
/// included, so a line that starts with `<page `, `<word ` or `</page>` is always one of its own.
/// `-raw` keeps the words in the order the page draws them and skips pdftotext's reading-order
/// analysis (the costly part of a run, and one nianbao redoes geometrically: see PDFLineBuilder);
/// a word is then one text-drawing operation's run, so a cell may come in several words.
///
/// The reader takes the output in pieces as pdftotext prints it (``feed(_:)``) and hands back each
/// page as soon as it is complete (at its `</page>`, or at ``finish()`` for output cut short).
/// `</doc>` ends the output (``ended``): pdftotext prints it after its last page, just before
/// it exits.
struct PDFBBoxReader: Sendable {
    /// A run of bytes inside the output (no copy, no reference counting).
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// The page being read, if one has started and not ended.
    private var open: PDFPage?
    private var pagesStarted = 0
    private var done: [PDFPage] = []
    /// The start of a line whose newline has not arrived yet.
    private var partial: [UInt8] = []
    /// `</doc>` has been read: every page is complete and nothing else will come.
    private(set) var ended = false

    init() {}

    /// Reads the whole lines in `chunk` (a line cut at the chunk's end waits for the next piece)
    /// and returns the pages they complete.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [PDFPage] {
        let bytes = chunk.bindMemory(to: UInt8.self)
        guard let lastNewline = bytes.lastIndex(of: 0x0A) else {
            partial.append(contentsOf: bytes)
            return []
        }
        if !partial.isEmpty {
            // Finish the line cut at the previous chunk's end, then read this chunk's whole lines.
            let firstNewline = bytes.firstIndex(of: 0x0A)!
            partial.append(contentsOf: bytes[..<firstNewline])
            let carried = partial
            partial = []
            carried.withUnsafeBufferPointer { readLines($0[...]) }
            readLines(bytes[(firstNewline + 1)..<(lastNewline + 1)])
        } else {
            readLines(bytes[...lastNewline])
        }
        partial.append(contentsOf: bytes[(lastNewline + 1)...])
        return takeDone()
    }

    /// Reads a last line without a newline and returns the pages not handed out yet, a page
    /// whose `</page>` never came included.
    mutating func finish() -> [PDFPage] {
        if !partial.isEmpty {
            let carried = partial
            partial = []
            carried.withUnsafeBufferPointer { readLines($0[...]) }
        }
        if let page = open { done.append(page); open = nil }
        return takeDone()
    }

    private mutating func takeDone() -> [PDFPage] {
        defer { done = [] }
        return done
    }

    private mutating func readLines(_ lines: Bytes) {
        var start = lines.startIndex
        var i = lines.startIndex
        while i <= lines.endIndex {
            if i == lines.endIndex || lines[i] == 0x0A {
                if i > start { readLine(lines[start..<i]) }
                start = i + 1
            }
            i += 1
        }
    }

    private static let wordTag = Array("<word ".utf8)
    private static let pageTag = Array("<page ".utf8)
    private static let pageEnd = Array("</page>".utf8)
    private static let wordEnd = Array("</word>".utf8)
    private static let docEnd = Array("</doc>".utf8)

    private mutating func readLine(_ line: Bytes) {
        if ended { return }
        var s = line.startIndex
        while s < line.endIndex, line[s] == 0x20 { s += 1 }
        let body = line[s...]
        if Self.starts(body, with: Self.wordTag) {
            guard var page = open, let word = Self.word(body, page: page.number) else { return }
            open = nil   // keep the page's word array uniquely referenced while appending
            page.words.append(word)
            open = page
        } else if Self.starts(body, with: Self.pageTag) {
            if let page = open { done.append(page) }   // a page without its end line
            pagesStarted += 1
            var values = Self.quotedValues(body, count: 2)
            let height = values.popLast().flatMap(Self.double) ?? 842
            let width = values.popLast().flatMap(Self.double) ?? 595
            open = PDFPage(number: pagesStarted, width: width, height: height, words: [])
        } else if Self.starts(body, with: Self.pageEnd) {
            if let page = open { done.append(page) }
            open = nil
        } else if Self.starts(body, with: Self.docEnd) {
            if let page = open { done.append(page) }
            open = nil
            ended = true
        }
    }

    /// `<word xMin="…" yMin="…" xMax="…" yMax="…">text</word>`; nil for a line of any other shape,
    /// or a word that is only white space.
    private static func word(_ line: Bytes, page: Int) -> PDFWord? {
        let values = quotedValues(line, count: 4)
        guard values.count == 4, let x0 = double(values[0]), let y0 = double(values[1]),
              let x1 = double(values[2]), let y1 = double(values[3]),
              let open = line[values[3].endIndex...].firstIndex(of: 0x3E),   // the tag's '>'
              line.count >= wordEnd.count, line.suffix(wordEnd.count).elementsEqual(wordEnd) else { return nil }
        let raw = line[(open + 1)..<(line.endIndex - wordEnd.count)]
        let text = raw.contains(0x26) ? unescaped(raw) : String(decoding: UnsafeBufferPointer(rebasing: raw), as: UTF8.self)
        if text.unicodeScalars.allSatisfy(TextScalars.isSpace) { return nil }   // stops at the first letter
        return PDFWord(page: page, x0: x0, y0: y0, x1: x1, y1: y1, text: text)
    }

    /// The first `count` attribute values (`name="value"`) of a tag line, in order.
    private static func quotedValues(_ line: Bytes, count: Int) -> [Bytes] {
        var values: [Bytes] = []
        values.reserveCapacity(count)
        var i = line.startIndex
        while values.count < count, let q = line[i...].firstIndex(of: 0x22) {
            guard let end = line[(q + 1)...].firstIndex(of: 0x22) else { break }
            values.append(line[(q + 1)..<end])
            i = end + 1
        }
        return values
    }

    /// The five escapes pdftotext writes (`&amp; &lt; &gt; &quot; &apos;`); any other `&` stays as it is.
    private static func unescaped(_ raw: Bytes) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = raw.startIndex
        outer: while i < raw.endIndex {
            if raw[i] == 0x26 {
                for (name, byte) in entities where raw[i...].starts(with: name) {
                    out.append(byte)
                    i += name.count
                    continue outer
                }
            }
            out.append(raw[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let entities: [([UInt8], UInt8)] = [
        (Array("&amp;".utf8), 0x26), (Array("&lt;".utf8), 0x3C), (Array("&gt;".utf8), 0x3E),
        (Array("&quot;".utf8), 0x22), (Array("&apos;".utf8), 0x27),
    ]

    private static func starts(_ s: Bytes, with prefix: [UInt8]) -> Bool {
        s.count >= prefix.count && s.prefix(prefix.count).elementsEqual(prefix)
    }

    /// pdftotext prints coordinates as `%f` (`123.456789`). Those are read straight from the
    /// bytes as an exact integer over an exact power of ten — one correctly rounded division, so
    /// the same Double `strtod` gives. Anything else (signs, exponents, long digit runs) goes
    /// through `Double(String)`.
    private static func double(_ s: Bytes) -> Double? {
        var mantissa: UInt64 = 0
        var digits = 0, fraction = 0
        var seenPoint = false
        for b in s {
            if b >= 0x30, b <= 0x39 {
                mantissa = mantissa * 10 + UInt64(b - 0x30)
                digits += 1
                if seenPoint { fraction += 1 }
            } else if b == 0x2E, !seenPoint {
                seenPoint = true
            } else {
                return Double(String(decoding: UnsafeBufferPointer(rebasing: s), as: UTF8.self))
            }
        }
        guard digits > 0, digits <= 15 else { return Double(String(decoding: UnsafeBufferPointer(rebasing: s), as: UTF8.self)) }
        return Double(mantissa) / powersOfTen[fraction]
    }

    /// 10⁰…10¹⁵, all exact in a Double.
    private static let powersOfTen: [Double] = (0...15).map(pow10)

    private static func pow10(_ n: Int) -> Double {
        var v: Double = 1
        for _ in 0..<n { v *= 10 }
        return v
    }
}
