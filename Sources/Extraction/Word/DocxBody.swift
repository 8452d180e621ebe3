import Foundation
import NianbaoCore

/// Walks word/document.xml's body: w:p → heading or paragraph, w:tbl → table grid; content
/// controls (w:sdt) and custom-XML wrappers are looked through.
struct DocxBody {
    /// styleId → style name, from word/styles.xml ("1" → "heading 1" in Chinese Word files).
    var styleNames: [String: String]

    func blocks(_ body: DocxNode) -> [Block] {
        var out: [Block] = []
        for node in body.children {
            switch node.name {
            case "p":
                let text = Self.paragraphText(node)
                guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                if let level = headingLevel(node) {
                    out.append(.heading(text, level: level))
                } else {
                    out.append(.paragraph(text))
                }
            case "tbl":
                out.append(.table(DocxTable.grid(node)))
            case "sdt":
                if let content = node.child("sdtContent") { out += blocks(content) }
            case "customXml", "smartTag", "ins":
                out += blocks(node)
            default:
                continue
            }
        }
        return out
    }

    /// All runs of a paragraph in order: w:t text, w:tab as a tab, w:br / w:cr as a line break.
    /// Deleted text (w:delText) and field codes (w:instrText) are left out.
    static func paragraphText(_ p: DocxNode) -> String {
        var out = ""
        func walk(_ node: DocxNode) {
            for c in node.children {
                switch c.name {
                case "t": out += c.directText
                case "tab": out += "\t"
                case "br", "cr": out += "\n"
                case "delText", "instrText", "pPr", "rPr", "del", "fldChar": continue
                default: walk(c)
                }
            }
        }
        walk(p)
        return out
    }

    /// Heading level from the paragraph style (Title → 1, heading N → N + 1) or w:outlineLvl.
    func headingLevel(_ p: DocxNode) -> Int? {
        guard let pPr = p.child("pPr") else { return nil }
        if let id = pPr.child("pStyle")?.attribute("val") {
            let name = (styleNames[id] ?? id).lowercased()
            if name == "title" || name == "标题" { return 1 }
            for prefix in ["heading", "标题"] where name.hasPrefix(prefix) {
                let digits = name.dropFirst(prefix.count).filter(\.isASCIIDigitChar)
                if let n = Int(digits) { return min(n + 1, 6) }
            }
        }
        if let lvl = pPr.child("outlineLvl")?.attribute("val"), let n = Int(lvl), n < 9 { return min(n + 2, 6) }
        return nil
    }

    /// styleId → name from word/styles.xml.
    static func styleNames(_ styles: DocxNode?) -> [String: String] {
        var out: [String: String] = [:]
        for s in styles?.children ?? [] where s.name == "style" {
            if let id = s.attribute("styleId"), let name = s.child("name")?.attribute("val") { out[id] = name }
        }
        return out
    }
}
