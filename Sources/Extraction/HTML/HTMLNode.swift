import CLibXML2

/// A node of an HTMLDocument. Valid only while its document is alive.
/// Every traversal here is iterative: pages with thousands of nested tables must not overflow the stack.
public struct HTMLNode: @unchecked Sendable, Hashable {
    let ptr: xmlNodePtr

    init(_ ptr: xmlNodePtr) { self.ptr = ptr }

    public var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool { ptr.pointee.type == XML_TEXT_NODE || ptr.pointee.type == XML_CDATA_SECTION_NODE }
    public var isComment: Bool { ptr.pointee.type == XML_COMMENT_NODE }

    /// Lower-case element name ("table", "td"); "" for non-elements.
    public var name: String {
        guard isElement, let n = ptr.pointee.name else { return "" }
        return String(cString: n)
    }

    /// The text of a text, CDATA or comment node.
    public var content: String {
        guard let c = ptr.pointee.content else { return "" }
        return String(cString: c)
    }

    public func attribute(_ name: String) -> String? {
        guard isElement, let v = xmlGetProp(ptr, name) else { return nil }
        defer { cxml_free(v) }
        return String(cString: v)
    }

    public var parent: HTMLNode? { ptr.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? HTMLNode($0) : nil } }

    public var children: [HTMLNode] {
        var out: [HTMLNode] = []
        var c = ptr.pointee.children
        while let n = c {
            out.append(HTMLNode(n))
            c = n.pointee.next
        }
        return out
    }

    public var elementChildren: [HTMLNode] { children.filter(\.isElement) }

    /// All descendants in document order (pre-order), without recursion.
    public func forEachDescendant(_ body: (HTMLNode) -> Void) {
        var stack: [xmlNodePtr] = []
        var c = ptr.pointee.children
        while let n = c { stack.append(n); c = n.pointee.next }
        stack.reverse()
        while let n = stack.popLast() {
            body(HTMLNode(n))
            var kids: [xmlNodePtr] = []
            var k = n.pointee.children
            while let x = k { kids.append(x); k = x.pointee.next }
            stack.append(contentsOf: kids.reversed())
        }
    }

    public func descendants(named name: String) -> [HTMLNode] {
        var out: [HTMLNode] = []
        forEachDescendant { if $0.isElement && $0.name == name { out.append($0) } }
        return out
    }

    /// Every text node below this node concatenated in order, with no separators: Word-exported
    /// HTML splits digits and labels across `<span>`/`<font>` ("（","四","）"), so nothing may be
    /// inserted between them. Script and style text is skipped. `<br>` becomes "\n" when `breaks` is true.
    public func textContent(breaks: Bool = true) -> String {
        var out = ""
        var stack: [(xmlNodePtr, Bool)] = []
        var c = ptr.pointee.children
        var first: [xmlNodePtr] = []
        while let n = c { first.append(n); c = n.pointee.next }
        for n in first.reversed() { stack.append((n, false)) }
        while let (n, _) = stack.popLast() {
            let node = HTMLNode(n)
            if node.isText {
                out += node.content
            } else if node.isElement {
                let nm = node.name
                if nm == "script" || nm == "style" { continue }
                if breaks && nm == "br" { out += "\n"; continue }
                var kids: [xmlNodePtr] = []
                var k = n.pointee.children
                while let x = k { kids.append(x); k = x.pointee.next }
                for x in kids.reversed() { stack.append((x, false)) }
            }
        }
        return out
    }

    /// Element classes (the `class` attribute split on whitespace).
    public var classes: [Substring] { (attribute("class") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) }
}
