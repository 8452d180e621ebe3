import CLibXML2
import Foundation

/// An XML part of a .docx parsed by libxml2 with network access off and no entity handling:
/// no XML_PARSE_NOENT (entities stay unexpanded references, which the text walk skips), no
/// XML_PARSE_DTDLOAD (an external DTD is never fetched), XML_PARSE_NONET. A document that
/// declares `<!ENTITY x SYSTEM "file:///…">` therefore never reads that file.
final class DocxXML {
    let doc: xmlDocPtr

    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                                    | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)

    /// Nil when the bytes are not well-formed XML.
    init?(_ data: Data, name: String) {
        DocxXML.initializeOnce
        cxml_silence_errors()   // per-thread in libxml2 2.9
        let parsed: xmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), name, nil, DocxXML.parseOptions)
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    static let initializeOnce: Void = { xmlInitParser() }()

    var root: DocxNode? { xmlDocGetRootElement(doc).map(DocxNode.init) }
}

/// A borrowed element of a DocxXML document (valid while the document lives).
struct DocxNode {
    let ptr: xmlNodePtr
    init(_ ptr: xmlNodePtr) { self.ptr = ptr }

    /// Local name without the namespace prefix ("p" for w:p).
    var name: String { ptr.pointee.name.map { String(cString: $0) } ?? "" }

    /// Child elements in order.
    var children: [DocxNode] {
        var out: [DocxNode] = []
        var c = ptr.pointee.children
        while let node = c {
            if node.pointee.type == XML_ELEMENT_NODE { out.append(DocxNode(node)) }
            c = node.pointee.next
        }
        return out
    }

    func child(_ name: String) -> DocxNode? { children.first { $0.name == name } }

    /// An attribute by local name (w:val → "val").
    func attribute(_ name: String) -> String? {
        guard let v = xmlGetProp(ptr, name) else { return nil }
        defer { cxml_free(v) }
        return String(cString: v)
    }

    /// Text and CDATA children only. Entity references are skipped, never expanded.
    var directText: String {
        var out = ""
        var c = ptr.pointee.children
        while let node = c {
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE,
               let content = node.pointee.content {
                out += String(cString: content)
            }
            c = node.pointee.next
        }
        return out
    }

    /// Every descendant element with a given local name, in document order.
    func descendants(_ name: String) -> [DocxNode] {
        var out: [DocxNode] = []
        for c in children {
            if c.name == name { out.append(c) }
            out += c.descendants(name)
        }
        return out
    }
}
