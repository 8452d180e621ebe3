/// One word as pdftotext -tsv reports it: its text and bounding box in PDF points (y grows down).
struct PDFWord: Sendable, Equatable {
    var page: Int
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double
    var text: String

    var height: Double { y1 - y0 }
    var centerY: Double { (y0 + y1) / 2 }
}

/// One page of words, in pdftotext's reading order.
struct PDFPage: Sendable {
    var number: Int
    var width: Double
    var height: Double
    var words: [PDFWord]
}

/// Reads `pdftotext -tsv` output: one row per page, flow, line and word
/// (`level page_num par_num block_num line_num word_num left top width height conf text`).
/// Only pages (level 1) and words (level 5) are used; the line grouping is redone geometrically.
///
/// The reader takes the output in pieces as pdftotext prints it (``feed(_:)``) and hands back each
/// page as soon as it is complete — when the next page's row arrives, or at ``finish()``.
struct PDFTSVReader: Sendable {
    /// A run of bytes inside the TSV (no copy, no reference counting).
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// The pages read so far; only the last one can still grow.
    private var open: [PDFPage] = []
    /// The start of a row whose newline has not arrived yet.
    private var partial: [UInt8] = []
    private var isHeader = true

    init() {}

    /// Reads the whole rows in `chunk` (a row cut at the chunk's end waits for the next piece)
    /// and returns the pages completed by them.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [PDFPage] {
        let bytes = chunk.bindMemory(to: UInt8.self)
        guard let lastNewline = bytes.lastIndex(of: 0x0A) else {
            partial.append(contentsOf: bytes)
            return []
        }
        if !partial.isEmpty {
            // Finish the row cut at the previous chunk's end, then read this chunk's whole rows.
            let firstNewline = bytes.firstIndex(of: 0x0A)!
            partial.append(contentsOf: bytes[..<firstNewline])
            let carried = partial
            partial = []
            carried.withUnsafeBufferPointer { readRows($0[...]) }
            readRows(bytes[(firstNewline + 1)..<(lastNewline + 1)])
        } else {
            readRows(bytes[...lastNewline])
        }
        partial.append(contentsOf: bytes[(lastNewline + 1)...])
        return takeCompletePages()
    }

    /// Reads a last row without a newline and returns the pages not handed out yet.
    mutating func finish() -> [PDFPage] {
        if !partial.isEmpty {
            let carried = partial
            partial = []
            carried.withUnsafeBufferPointer { readRows($0[...]) }
        }
        defer { open = [] }
        return open
    }

    private mutating func takeCompletePages() -> [PDFPage] {
        guard open.count > 1 else { return [] }
        let done = Array(open.dropLast())
        open.removeFirst(open.count - 1)
        return done
    }

    /// Reads every newline-separated row of `rows`.
    private mutating func readRows(_ rows: Bytes) {
        var fields: [Bytes] = []   // reused for every row
        fields.reserveCapacity(12)
        var lineStart = rows.startIndex
        var i = rows.startIndex
        while i <= rows.endIndex {
            if i == rows.endIndex || rows[i] == 0x0A {
                if i > lineStart {
                    if isHeader {
                        isHeader = false
                    } else {
                        Self.parseRow(rows[lineStart..<i], fields: &fields, into: &open)
                    }
                }
                lineStart = i + 1
            }
            i += 1
        }
    }

    private static func parseRow(_ row: Bytes, fields: inout [Bytes], into pages: inout [PDFPage]) {
        // Only pages (1) and words (5) are read: other levels are skipped before splitting.
        let firstTab = row.firstIndex(of: 0x09) ?? row.endIndex
        guard let level = int(row[row.startIndex..<firstTab]), level == 1 || level == 5 else { return }
        // Split into at most 12 fields; the text (last field) keeps any tab-free content as is.
        fields.removeAll(keepingCapacity: true)
        var start = row.startIndex
        var idx = row.startIndex
        while idx < row.endIndex, fields.count < 11 {
            if row[idx] == 0x09 {
                fields.append(row[start..<idx])
                start = idx + 1
            }
            idx += 1
        }
        fields.append(row[start..<row.endIndex])
        guard fields.count == 12 else { return }
        switch level {
        case 1:
            let number = int(fields[1]) ?? ((pages.last?.number ?? 0) + 1)
            pages.append(PDFPage(number: number, width: double(fields[8]) ?? 595, height: double(fields[9]) ?? 842, words: []))
        case 5:
            guard !pages.isEmpty, let x = double(fields[6]), let y = double(fields[7]),
                  let w = double(fields[8]), let h = double(fields[9]) else { return }
            var raw = fields[11]
            if raw.last == 0x0D { raw = raw.dropLast() }   // a CR is always a Character of its own
            let text = String(decoding: UnsafeBufferPointer(rebasing: raw), as: UTF8.self)
            if text.unicodeScalars.allSatisfy(TextScalars.isSpace) { return }   // stops at the first letter
            pages[pages.count - 1].words.append(PDFWord(page: pages[pages.count - 1].number, x0: x, y0: y, x1: x + w, y1: y + h, text: text))
        default:
            return
        }
    }

    private static func int(_ s: Bytes) -> Int? {
        var v = 0
        var any = false
        for b in s {
            guard b >= 0x30, b <= 0x39 else { return any ? v : nil }
            v = v * 10 + Int(b - 0x30)
            any = true
        }
        return any ? v : nil
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
