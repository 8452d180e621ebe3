import CLibXML2
import NianbaoCore
#if canImport(Glibc)
import Glibc
#endif

/// Walks the content subtrees of a page in reading order and emits blocks: headings (h1–h6),
/// paragraphs (block elements and `<br>` end a paragraph), and table grids.
///
/// Chrome is skipped. A table whose rows have one cell, or that holds nested tables beside running
/// text (a cell with over 300 bytes of its own text), is page layout and is read as running text; a small table holding 索引号 is page metadata and is
/// left out (MetadataReader reads it); any other table becomes a grid, and the tables nested in its
/// cells follow it as grids of their own. The walk keeps its own stack: no recursion.
struct BlockWalker {
    var chrome: ChromeFilter
    var tables = TableGridBuilder()
    private(set) var blocks: [Block] = []
    private(set) var notes: [String] = []

    init(chrome: ChromeFilter) { self.chrome = chrome }

    private enum Work { case node(xmlNodePtr), endBlock, endHeading }

    private var acc = TextAccumulator()
    private var headingLevel: Int?

    mutating func walk(_ roots: [xmlNodePtr]) {
        var stack: [Work] = roots.reversed().map { .node($0) }
        while let work = stack.popLast() {
            switch work {
            case .endBlock:
                flush()
            case .endHeading:
                flush()
                headingLevel = nil
            case .node(let n):
                if NodeAccess.isText(n) {
                    if let c = n.pointee.content, !chrome.isMarked(n) { acc.append(c) }
                    continue
                }
                guard NodeAccess.isElement(n) else { continue }
                let tag = HTMLTag.of(n)
                if tag.isNeverContent || chrome.isMarked(n) || chrome.isChromeElement(n, tag: tag) { continue }
                if tag == .br || tag == .hr { flush(); continue }
                if tag == .table {
                    flush()
                    if readTable(n, stack: &stack) { continue }
                    stack.append(.endBlock)
                } else if let level = tag.headingLevel {
                    flush()
                    headingLevel = level
                    stack.append(.endHeading)
                } else if tag.isBlock {
                    flush()
                    stack.append(.endBlock)
                }
                let start = stack.count
                var k = n.pointee.children
                while let x = k { stack.append(.node(x)); k = x.pointee.next }
                stack[start...].reverse()
            }
        }
        flush()
    }

    private mutating func flush() {
        let onlyNoBreakSpace = acc.isEmpty && acc.sawNoBreakSpace
        let text = acc.take()
        if text.isEmpty {
            // `<p>&nbsp;</p>`: on pages that flatten a table into one paragraph per cell this is an
            // explicit blank cell, which the parser must see (a blank is null, never a shifted value).
            if onlyNoBreakSpace && headingLevel == nil { blocks.append(.paragraph("\u{00A0}")) }
            return
        }
        if let level = headingLevel {
            blocks.append(.heading(text, level: level))
        } else {
            blocks.append(.paragraph(text))
        }
    }

    /// Emits a data table (and queues its nested tables); returns false when the table is layout and its
    /// content is to be walked as running text.
    private mutating func readTable(_ table: xmlNodePtr, stack: inout [Work]) -> Bool {
        let rows = TableGridBuilder.rows(of: table)
        if rows.isEmpty { return false }
        let maxCells = rows.map(\.count).max() ?? 0
        if maxCells <= 1 { return false }
        if rows.contains(where: { $0.contains(where: Self.containsTable) })
            && rows.contains(where: { $0.contains(where: Self.holdsRunningText) }) { return false }
        if rows.count <= 8 && NodeAccess.ownTextContains(table, "索引号", limit: 4096) { return true }
        let result = tables.build(rows: rows)
        if result.truncated { notes.append("a table wider than \(tables.maxColumns) columns was cut at that width") }
        if result.grid.rows.contains(where: { $0.contains { !$0.text.isEmpty } }) {
            blocks.append(.table(result.grid))
        }
        for nested in result.nestedTables.reversed() { stack.append(.node(nested)) }
        return true
    }

    /// A cell with more than 300 bytes of its own text (nested tables not counted): page layout, not data.
    private static func holdsRunningText(_ cell: xmlNodePtr) -> Bool {
        var total = 0
        var stack: [xmlNodePtr] = []
        NodeAccess.pushChildren(cell, onto: &stack)
        while let n = stack.popLast() {
            if NodeAccess.isText(n), let c = n.pointee.content {
                total += strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self))
                if total > 300 { return true }
            } else if NodeAccess.isElement(n) {
                let tag = HTMLTag.of(n)
                if tag == .table || tag.isNeverContent { continue }
                NodeAccess.pushChildren(n, onto: &stack)
            }
        }
        return false
    }

    private static func containsTable(_ cell: xmlNodePtr) -> Bool {
        var stack: [xmlNodePtr] = []
        NodeAccess.pushChildren(cell, onto: &stack)
        while let n = stack.popLast() {
            guard NodeAccess.isElement(n) else { continue }
            if HTMLTag.of(n) == .table { return true }
            NodeAccess.pushChildren(n, onto: &stack)
        }
        return false
    }
}
