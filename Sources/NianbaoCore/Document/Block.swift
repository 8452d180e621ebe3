/// One unit of document content.
public struct Block: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// A heading (h1–h6, a Word heading style, a bold title line).
        case heading
        /// One paragraph of running text.
        case paragraph
        /// A run of raw text lines whose line structure matters (plain-text files, pdftotext output
        /// that could not be turned into a grid). Tables flattened into text live here.
        case text
        /// A table, as a grid of cells.
        case table
    }

    public var kind: Kind
    /// The text of a heading, paragraph or text run; empty for tables.
    public var text: String
    /// Heading level (1 = top), when known.
    public var level: Int?
    public var table: TableGrid?

    public init(kind: Kind, text: String = "", level: Int? = nil, table: TableGrid? = nil) {
        self.kind = kind
        self.text = text
        self.level = level
        self.table = table
    }

    /// A raw text run.
    public init(text: String) { self.init(kind: .text, text: text) }
    public static func heading(_ text: String, level: Int? = nil) -> Block { Block(kind: .heading, text: text, level: level) }
    public static func paragraph(_ text: String) -> Block { Block(kind: .paragraph, text: text) }
    public static func table(_ grid: TableGrid) -> Block { Block(kind: .table, table: grid) }
}
