import NianbaoCore

/// Stage 3: Document in, Document with canonical text out.
///
/// What it does to every text (titles, headings, paragraphs, raw text runs, table cells):
/// - folds full-width ASCII forms (digits, letters, brackets, slash, dot …; not the sentence punctuation
///   ！，：；？) to ASCII, curly quotes to
///   straight ones, ideographic/non-breaking/other spaces to a plain space, and drops zero-width characters;
/// - removes Word artifacts such as `[bookmark: _GoBack]` and pdftotext page numbers (`-3-`) and form feeds;
/// - closes spaces inside Chinese labels ("三 、本 年 度" → "三、本年度"; in table cells and headings
///   line breaks too: "商业\n企业" → "商业企业");
/// - applies the label typo replacements of `label-aliases.json` ("本年度止件数" → "本年废止件数").
///
/// Line structure of `.text` blocks is kept, tabs included. A text line that held only whitespace
/// (for example a lone non-breaking space: an explicit blank cell in one-cell-per-line exports) becomes
/// a single tab, so the parser can tell it from an empty separator line.
public struct Normalizer: Sendable {
    let aliases: LabelAliases

    public init() { self.aliases = LabelAliases.bundled }

    /// A normalizer with its own replacement list (tests).
    public init(aliases: LabelAliases) { self.aliases = aliases }

    public func normalize(_ document: Document) -> Document {
        var d = document
        if let t = d.metadata.title { d.metadata.title = normalizeInline(t) }
        d.blocks = document.blocks.map { block in
            var b = block
            switch block.kind {
            case .text:
                b.text = normalizeText(block.text)
            case .heading, .paragraph:
                // A paragraph of only (no-break) spaces is an explicit blank cell: kept as one NBSP.
                if block.kind == .paragraph, !block.text.isEmpty,
                   block.text.unicodeScalars.allSatisfy({ $0 == " " || ScalarFolding.isHardSpace($0) }),
                   block.text.unicodeScalars.contains(where: ScalarFolding.isHardSpace) {
                    b.text = String(ScalarFolding.explicitBlank)
                } else {
                    b.text = normalizeInline(block.text)
                }
            case .table:
                if var grid = block.table {
                    for r in grid.rows.indices {
                        for c in grid.rows[r].indices { grid.rows[r][c].text = normalizeInline(grid.rows[r][c].text) }
                    }
                    b.table = grid
                }
            }
            return b
        }
        d.isNormalized = true
        return d
    }

    /// A raw text run: line by line, keeping tabs and line structure.
    public func normalizeText(_ text: String) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        var line: [Unicode.Scalar] = []
        var buffer: [Unicode.Scalar] = []
        var first = true
        func flush() {
            buffer.removeAll(keepingCapacity: true)
            foldLine(line, into: &buffer)
            let folded = aliases.apply(buffer)
            if !first { out.append("\n") }
            first = false
            if ScalarFolding.isPageNumber(folded) {
                // dropped: a page number, not content
            } else if folded.allSatisfy({ $0 == " " || $0 == "\t" || $0 == ScalarFolding.explicitBlank }) {
                // A line of only whitespace is an empty cell: explicit (NBSP, kept as one NBSP) or a
                // span filler (tabs/spaces, kept as one tab).
                if line.contains(where: ScalarFolding.isHardSpace) { out.append(ScalarFolding.explicitBlank) }
                else if !line.isEmpty { out.append("\t") }
            } else {
                out.append(contentsOf: folded)
            }
            line.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            if s == "\n" || s == "\u{0C}" { flush() } else if s != "\r" { line.append(s) }
        }
        flush()
        return ScalarFolding.string(out)
    }

    /// One line of a text run. In tab-separated rows each field is folded on its own, and a field
    /// holding only a non-breaking space stays one NBSP: an explicit blank cell, unlike an empty filler.
    func foldLine(_ line: [Unicode.Scalar], into out: inout [Unicode.Scalar]) {
        guard line.contains("\t"), line.contains(where: ScalarFolding.isHardSpace) else {
            ScalarFolding.fold(line, joinNewlines: false, into: &out)
            return
        }
        for (i, field) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out.append("\t") }
            let f = ScalarFolding.fold(Array(field), joinNewlines: false)
            if f.allSatisfy({ $0 == " " }) && field.contains(where: ScalarFolding.isHardSpace) {
                out.append(ScalarFolding.explicitBlank)
            } else {
                out.append(contentsOf: f.drop { $0 == " " })
            }
        }
    }

    /// A heading, paragraph or table cell: whitespace runs collapse, breaks inside Chinese labels close.
    public func normalizeInline(_ text: String) -> String {
        ScalarFolding.string(aliases.apply(ScalarFolding.fold(Array(text.unicodeScalars), joinNewlines: true)))
    }
}
