import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Allocation-free access to libxml2 nodes for the extractor's hot loops (xmlGetProp copies every
/// value; walking `properties` and comparing bytes does not).
enum NodeAccess {
    /// The value text of attribute `name` (lower-case), without copying. Valid while the document lives.
    static func attribute(_ node: xmlNodePtr, _ name: StaticString) -> UnsafePointer<xmlChar>? {
        var a = node.pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, strcmp(UnsafeRawPointer(n).assumingMemoryBound(to: CChar.self),
                                                 UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0 {
                guard let child = attr.pointee.children, let content = child.pointee.content else { return nil }
                return UnsafePointer(content)
            }
            a = attr.pointee.next
        }
        return nil
    }

    static func attributeString(_ node: xmlNodePtr, _ name: StaticString) -> String? {
        attribute(node, name).map { String(cString: $0) }
    }

    /// A span attribute (rowspan/colspan) as an integer: garbage, 0 or negative → 1, clamped to `cap`.
    static func span(_ node: xmlNodePtr, _ name: StaticString, cap: Int) -> Int {
        guard let v = attribute(node, name) else { return 1 }
        var i = 0
        var n = 0
        while v[i] == 0x20 || v[i] == 0x09 { i += 1 }
        var digits = 0
        while v[i] >= 0x30 && v[i] <= 0x39 {
            n = n * 10 + Int(v[i] - 0x30)
            digits += 1
            if n > cap { return cap }
            i += 1
        }
        return digits == 0 || n < 1 ? 1 : n
    }

    /// True when the (NUL-terminated) text contains `needle` (UTF-8).
    static func contains(_ text: UnsafePointer<xmlChar>, _ needle: UnsafePointer<CChar>) -> Bool {
        strstr(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self), needle) != nil
    }

    static func isText(_ node: xmlNodePtr) -> Bool {
        node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
    }

    static func isElement(_ node: xmlNodePtr) -> Bool { node.pointee.type == XML_ELEMENT_NODE }

    /// True when `node` is `ancestor` or lies below it.
    static func isInside(_ node: xmlNodePtr, _ ancestor: xmlNodePtr) -> Bool {
        var n: xmlNodePtr? = node
        while let x = n {
            if x == ancestor { return true }
            n = x.pointee.parent
        }
        return false
    }

    /// Pushes the children of `node` onto `stack` so that popping yields them in document order.
    @inline(__always)
    static func pushChildren(_ node: xmlNodePtr, onto stack: inout [xmlNodePtr]) {
        let start = stack.count
        var c = node.pointee.children
        while let n = c { stack.append(n); c = n.pointee.next }
        stack[start...].reverse()
    }

    /// UTF-8 byte length of the text below `node`, counting at most up to `limit` (script/style skipped).
    static func textLength(_ node: xmlNodePtr, limit: Int) -> Int {
        if isText(node) { return node.pointee.content.map { min(strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)), limit) } ?? 0 }
        var total = 0
        var stack: [xmlNodePtr] = []
        pushChildren(node, onto: &stack)
        while let n = stack.popLast() {
            if isText(n) {
                if let c = n.pointee.content { total += strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self)) }
                if total >= limit { return limit }
            } else if isElement(n), !HTMLTag.of(n).isNeverContent {
                pushChildren(n, onto: &stack)
            }
        }
        return total
    }

    /// True when a text node below `node` contains `needle`, looking at no more than `limit` bytes of text and
    /// not inside nested tables (bounded work per call, whatever the depth of the page).
    static func ownTextContains(_ node: xmlNodePtr, _ needle: UnsafePointer<CChar>, limit: Int) -> Bool {
        var seen = 0
        var stack: [xmlNodePtr] = []
        pushChildren(node, onto: &stack)
        while let n = stack.popLast() {
            if isText(n), let c = n.pointee.content {
                if contains(c, needle) { return true }
                seen += strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self))
                if seen > limit { return false }
            } else if isElement(n) {
                let tag = HTMLTag.of(n)
                if tag.isNeverContent || tag == .table { continue }
                pushChildren(n, onto: &stack)
            }
        }
        return false
    }

    /// All text below `node` (script/style skipped), with nothing inserted between text nodes.
    static func rawText(_ node: xmlNodePtr) -> String {
        if isText(node) { return node.pointee.content.map { String(cString: $0) } ?? "" }
        var bytes: [UInt8] = []
        var stack: [xmlNodePtr] = []
        pushChildren(node, onto: &stack)
        while let n = stack.popLast() {
            if isText(n) {
                if let c = n.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: c, count: strlen(UnsafeRawPointer(c).assumingMemoryBound(to: CChar.self))))
                }
            } else if isElement(n), !HTMLTag.of(n).isNeverContent {
                pushChildren(n, onto: &stack)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
