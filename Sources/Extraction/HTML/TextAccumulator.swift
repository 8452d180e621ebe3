import CLibXML2

/// Builds the text of one paragraph or table cell from libxml2 text nodes, as raw UTF-8 bytes.
///
/// Text nodes are concatenated with nothing inserted (Word-exported HTML splits "（","四","）" and
/// digits across spans). Source whitespace is collapsed the way a browser renders it: a run of
/// spaces, tabs, newlines, no-break spaces (&nbsp;) or ideographic spaces becomes one space, and a run
/// that contains a line break vanishes next to a non-ASCII character (Word and CMS editors hard-wrap
/// Chinese text). Leading and trailing whitespace is dropped, so a cell holding only &nbsp; is empty.
struct TextAccumulator {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false
    private var pendingNewline = false
    /// True when a no-break space was seen since the last take: a paragraph of only &nbsp; is an
    /// explicit blank cell on pages that flatten tables into one paragraph per cell (seed 004).
    private(set) var sawNoBreakSpace = false

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ text: UnsafePointer<xmlChar>) {
        var i = 0
        while true {
            let b = text[i]
            if b == 0 { return }
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C {
                pendingSpace = true; i += 1; continue
            }
            if b == 0x0A { pendingSpace = true; pendingNewline = true; i += 1; continue }
            if b == 0xC2 && text[i + 1] == 0xA0 { pendingSpace = true; sawNoBreakSpace = true; i += 2; continue }
            if b == 0xE3 && text[i + 1] == 0x80 && text[i + 2] == 0x80 { pendingSpace = true; i += 3; continue }
            if pendingSpace {
                if let last = bytes.last, last != 0x0A, !(pendingNewline && (last >= 0x80 || b >= 0x80)) {
                    bytes.append(0x20)
                }
                pendingSpace = false
                pendingNewline = false
            }
            bytes.append(b)
            i += 1
        }
    }

    mutating func append(_ s: String) {
        s.withCString { $0.withMemoryRebound(to: xmlChar.self, capacity: 1) { append($0) } }
    }

    /// A line break (`<br>`, or a block boundary inside a table cell). Consecutive breaks collapse.
    mutating func lineBreak() {
        pendingSpace = false
        pendingNewline = false
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
    }

    /// True when the text so far contains any of `needles` (UTF-8 bytes).
    func containsAny(_ needles: [[UInt8]]) -> Bool {
        needles.contains { n in
            guard let first = n.first, bytes.count >= n.count else { return false }
            var i = 0
            while i + n.count <= bytes.count {
                if bytes[i] == first {
                    var k = 1
                    while k < n.count && bytes[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Empties the accumulator without building a String.
    mutating func discard() {
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        pendingNewline = false
        sawNoBreakSpace = false
    }

    /// The text so far, trailing breaks removed; the accumulator is emptied.
    mutating func take() -> String {
        while let last = bytes.last, last == 0x0A || last == 0x20 { bytes.removeLast() }
        let s = String(decoding: bytes, as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        pendingNewline = false
        sawNoBreakSpace = false
        return s
    }
}
