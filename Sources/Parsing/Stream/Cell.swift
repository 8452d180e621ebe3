/// One cell of the document as the parser sees it: a table-grid cell, one field of a tab, pipe or
/// space-aligned text row, or a whole line (one-cell-per-line exports, headings, paragraphs).
struct Cell: Sendable {
    enum Kind: Sendable, Equatable {
        /// Text that is not a value: a row, column or section label, or narrative.
        case label
        /// A number, possibly with sign, unit or thousands separators, or a dash-like placeholder.
        case value
        /// An explicit empty cell (empty grid cell, empty field between tabs or pipes, a line holding only a NBSP).
        case blank
    }

    var text: String
    var kind: Kind
    /// Index of the source line (text blocks) or grid row / block, for section text and messages.
    var line: Int
    /// True when this cell is the only cell of its line or block (candidate section heading).
    var alone: Bool
    /// True when the cell came from a heading block.
    var isHeading: Bool = false
    /// For blanks: true when the source marked the cell blank on purpose (a lone NBSP), so it is a
    /// position in the row and not a span filler.
    var explicit: Bool = false
    /// Display columns (CJK = 2) the cell spans in a space-aligned line (`pdftotext -layout`), else -1.
    var columnStart: Int32 = -1
    var columnEnd: Int32 = -1
    /// The label's comparable form, computed once (labels only).
    var key: LabelKey?

    init(text: String, kind: Kind, line: Int, alone: Bool) {
        self.text = text
        self.kind = kind
        self.line = line
        self.alone = alone
        if kind == .label, text.utf8.count <= 180 { key = LabelKey(text) }   // narrative lines: on demand
    }

    /// A non-empty cell from its text: value or label by what the text says. Text that is clearly a
    /// mangled number ("1O", "3件x") counts as a value position that cannot be read, so it neither ends
    /// the row nor shifts the numbers after it.
    init(text: String) {
        var kind = ValueText.kind(of: text)
        if kind == .label, ValueText.looksLikeBrokenNumber(text) { kind = .value }
        self.init(text: text, kind: kind, line: 0, alone: false)
    }

    /// The label key (computed on demand for cells built without one).
    var labelKey: LabelKey { key ?? LabelKey(text) }
}
