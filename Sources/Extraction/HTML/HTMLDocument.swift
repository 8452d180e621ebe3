import CLibXML2
import Foundation

/// A parsed HTML page (libxml2's HTML parser in recover mode, never allowed to decode bytes or
/// touch the network). Hand it UTF-8 text you decoded yourself (see PageDecoder): libxml2
/// silently truncates a document at the first byte it cannot decode. XML_PARSE_HUGE lifts libxml2's
/// 256-level depth limit (past it libxml2 drops the rest of the page); input size is capped by the
/// callers (HTMLExtractor: 32 MiB), and every walk over the tree here is iterative.
public final class HTMLDocument: @unchecked Sendable {
    let doc: htmlDocPtr

    /// Parses UTF-8 HTML text. `url` is only used as the document's base for messages.
    public init(utf8 text: String, url: String? = nil) throws {
        HTMLDocument.initializeOnce
        cxml_silence_errors()   // per-thread in libxml2 2.9
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                            | XML_PARSE_HUGE.rawValue)
        var text = text
        let parsed: htmlDocPtr? = text.withUTF8 { buf in   // native strings are contiguous UTF-8: no copy
            buf.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress, chars.count > 0 else { return nil }
                return htmlReadMemory(base, Int32(clamping: chars.count), url, "UTF-8", options)
            }
        }
        guard let parsed else { throw HTMLParseError.unparsable }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// xmlInitParser must run once before concurrent parsing.
    static let initializeOnce: Void = { xmlInitParser() }()

    public var root: HTMLNode? {
        guard let r = xmlDocGetRootElement(doc) else { return nil }
        return HTMLNode(r)
    }

    /// Nodes matching an XPath expression (element names are lower-case in libxml2's HTML tree).
    public func select(_ xpath: String) -> [HTMLNode] {
        guard let ctx = xmlXPathNewContext(doc) else { return [] }
        defer { xmlXPathFreeContext(ctx) }
        guard let result = xmlXPathEvalExpression(xpath, ctx) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { i in set.pointee.nodeTab[i].map(HTMLNode.init) }
    }
}

public enum HTMLParseError: Error, CustomStringConvertible {
    case unparsable
    public var description: String { "libxml2 could not build a document tree" }
}
