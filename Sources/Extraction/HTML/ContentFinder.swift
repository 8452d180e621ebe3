import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Where a page's main content is, and how it was found.
struct ContentSelection {
    /// The content: one subtree, or the sibling nodes between two CMS markers.
    var roots: [xmlNodePtr]
    /// "markers" (Hanweb comment/meta markers), "container" (a known CMS container),
    /// "section headings" (smallest subtree holding the report's headings) or "whole page".
    var method: String
    /// Text nodes holding the report's section headings (first hit of each).
    var headingNodes: [xmlNodePtr]
}

/// Finds the main content of a CMS page. Known containers come first — TRS `.TRS_Editor`,
/// `.Custom_UnionStyle`, `#zoom`; Hanweb `<!--ZJEG_RSS.content.begin-->` … `end` and
/// `<meta name="ContentStart">` … `ContentEnd`; 集约化 `.article-content`, `#UCAP-CONTENT`,
/// `.xxgk_content` — as long as one of them holds every section heading of the report found on the
/// page (一、总体情况 … 六、其他需要报告的事项), or at least four of them. Otherwise the smallest subtree holding those headings
/// is used; a page with no headings and no container is used whole. No text-density scoring.
enum ContentFinder {
    static let containerClasses: [String] = ["trs_editor", "trs_ueditor", "custom_unionstyle", "article-content", "xxgk_content"]
    static let containerIDs: [String] = ["zoom", "ucap-content"]

    /// Distinctive words of the six section headings (short enough to survive Word's span splitting).
    static let headingKeywords: [[CChar]] = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请", "行政诉讼情况",
                                             "存在的主要问题", "其他需要报告的事项"].map { Array($0.utf8CString) }

    static func find(in document: HTMLDocument) -> ContentSelection {
        guard let rootElement = xmlDocGetRootElement(document.doc) else { return ContentSelection(roots: [], method: "empty", headingNodes: []) }
        var body: xmlNodePtr = rootElement
        var beginComment: xmlNodePtr?, endComment: xmlNodePtr?, beginMeta: xmlNodePtr?, endMeta: xmlNodePtr?
        var containers: [(node: xmlNodePtr, priority: Int)] = []
        var hits = [[xmlNodePtr]](repeating: [], count: headingKeywords.count)

        var stack: [xmlNodePtr] = [rootElement]
        while let n = stack.popLast() {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let c = n.pointee.content else { continue }
                for (i, k) in headingKeywords.enumerated() where hits[i].isEmpty {
                    if k.withUnsafeBufferPointer({ NodeAccess.contains(c, $0.baseAddress!) }) { hits[i].append(n) }
                }
            case XML_COMMENT_NODE:
                guard let c = n.pointee.content else { continue }
                if beginComment == nil, NodeAccess.contains(c, "ZJEG_RSS.content.begin") { beginComment = n }
                if endComment == nil, NodeAccess.contains(c, "ZJEG_RSS.content.end") { endComment = n }
            case XML_ELEMENT_NODE:
                let tag = HTMLTag.of(n)
                if tag == .body { body = n }
                if tag == .meta, let name = NodeAccess.attribute(n, "name") {
                    let s = String(cString: name).lowercased()
                    if s == "contentstart", beginMeta == nil { beginMeta = n }
                    if s == "contentend", endMeta == nil { endMeta = n }
                    continue
                }
                if tag.isNeverContent { continue }
                if n.pointee.properties != nil {
                    if let cls = NodeAccess.attribute(n, "class") {
                        let tokens = String(cString: cls).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                        if let p = containerClasses.firstIndex(where: { c in tokens.contains { $0 == c } }) { containers.append((n, p)) }
                    }
                    if let id = NodeAccess.attribute(n, "id"), let p = containerIDs.firstIndex(of: String(cString: id).lowercased()) {
                        containers.append((n, containerClasses.count + p))
                    }
                }
                NodeAccess.pushChildren(n, onto: &stack)
            default: continue
            }
        }

        let headingNodes = hits.compactMap(\.first)
        let found = headingNodes.count
        func holds(_ roots: [xmlNodePtr]) -> Int {
            headingNodes.filter { h in roots.contains { NodeAccess.isInside(h, $0) } }.count
        }

        var candidates: [(roots: [xmlNodePtr], method: String, depth: Int)] = []
        if let b = beginComment ?? beginMeta {
            let e = beginComment != nil ? endComment : endMeta
            candidates.append((range(from: b, to: e), "markers", Int.max))
        }
        for c in containers { candidates.append(([c.node], "container", depth(c.node))) }

        if !candidates.isEmpty {
            let scored = candidates.map { (c: $0, hits: holds($0.roots)) }
            let best = scored.map(\.hits).max() ?? 0
            // All headings found on the page, or at least four of them (a fifth may sit in a sidebar link).
            if best >= max(1, found) || best >= 4 {
                let top = scored.filter { $0.hits == best }.max { $0.c.depth < $1.c.depth }!.c
                return ContentSelection(roots: top.roots, method: top.method, headingNodes: headingNodes)
            }
            if found < 2 {
                if let m = candidates.first(where: { $0.method == "markers" }) {
                    return ContentSelection(roots: m.roots, method: m.method, headingNodes: headingNodes)
                }
                let biggest = candidates.max { NodeAccess.textLength($0.roots[0], limit: 1 << 30) < NodeAccess.textLength($1.roots[0], limit: 1 << 30) }!
                return ContentSelection(roots: biggest.roots, method: biggest.method, headingNodes: headingNodes)
            }
        }
        if found >= 2, let lca = commonAncestor(headingNodes) {
            return ContentSelection(roots: [lca], method: "section headings", headingNodes: headingNodes)
        }
        return ContentSelection(roots: [body], method: "whole page", headingNodes: headingNodes)
    }

    /// The nodes between two markers: their siblings when they share a parent, else their common ancestor.
    static func range(from begin: xmlNodePtr, to end: xmlNodePtr?) -> [xmlNodePtr] {
        if let end, end.pointee.parent == begin.pointee.parent {
            var out: [xmlNodePtr] = []
            var n = begin.pointee.next
            while let x = n, x != end { out.append(x); n = x.pointee.next }
            return out
        }
        if let end, let lca = commonAncestor([begin, end]) { return [lca] }
        var out: [xmlNodePtr] = []
        var n = begin.pointee.next
        while let x = n { out.append(x); n = x.pointee.next }
        return out
    }

    static func depth(_ node: xmlNodePtr) -> Int {
        var d = 0
        var n = node.pointee.parent
        while let x = n { d += 1; n = x.pointee.parent }
        return d
    }

    /// The deepest element that holds all `nodes`.
    static func commonAncestor(_ nodes: [xmlNodePtr]) -> xmlNodePtr? {
        guard let first = nodes.first else { return nil }
        var chain: [xmlNodePtr] = []
        var n: xmlNodePtr? = first.pointee.parent
        while let x = n, x.pointee.type == XML_ELEMENT_NODE { chain.append(x); n = x.pointee.parent }
        var best = 0
        for other in nodes.dropFirst() {
            while best < chain.count, !NodeAccess.isInside(other, chain[best]) { best += 1 }
        }
        return best < chain.count ? chain[best] : nil
    }
}
