import CLibXML2

/// The element names the extractor cares about, looked up from libxml2's lower-case name bytes
/// without building a Swift String per node (names of up to 8 bytes are packed into a UInt64 key).
enum HTMLTag: UInt8 {
    case other
    case html, head, body, title, meta, base
    case script, style, noscript, iframe, template, object, embed, svg, select, button, input, textarea, option
    case nav, header, footer, aside, form
    case p, div, section, article, main, center, blockquote, pre, address, figure, figcaption, fieldset
    case ul, ol, li, dl, dt, dd, hr, br
    case h1, h2, h3, h4, h5, h6
    case table, caption, thead, tbody, tfoot, tr, td, th, colgroup, col
    case a, img

    /// Elements whose content is never text of the document. (`embed` is not one: it is empty in
    /// HTML5, but libxml2's HTML 4 parser does not know it and nests everything after an unclosed
    /// `<embed …>` inside it, so its "children" are the rest of the page.)
    var isNeverContent: Bool {
        switch self {
        case .script, .style, .noscript, .iframe, .template, .object, .svg, .select, .button, .input, .textarea, .option, .head, .title, .meta:
            return true
        default: return false
        }
    }

    /// Elements that end a paragraph (everything else is inline and joins the current text).
    var isBlock: Bool {
        switch self {
        case .p, .div, .section, .article, .main, .center, .blockquote, .pre, .address, .figure, .figcaption, .fieldset,
             .ul, .ol, .li, .dl, .dt, .dd, .hr, .br, .h1, .h2, .h3, .h4, .h5, .h6,
             .table, .caption, .thead, .tbody, .tfoot, .tr, .td, .th, .body, .html, .nav, .header, .footer, .aside, .form:
            return true
        default: return false
        }
    }

    var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }

    static let names: [(String, HTMLTag)] = [
        ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("base", .base),
        ("script", .script), ("style", .style), ("noscript", .noscript), ("iframe", .iframe), ("template", .template),
        ("object", .object), ("embed", .embed), ("svg", .svg), ("select", .select), ("button", .button), ("input", .input),
        ("textarea", .textarea), ("option", .option),
        ("nav", .nav), ("header", .header), ("footer", .footer), ("aside", .aside), ("form", .form),
        ("p", .p), ("div", .div), ("section", .section), ("article", .article), ("main", .main), ("center", .center),
        ("blockquote", .blockquote), ("pre", .pre), ("address", .address), ("figure", .figure), ("figcaption", .figcaption),
        ("fieldset", .fieldset), ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt), ("dd", .dd),
        ("hr", .hr), ("br", .br), ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5), ("h6", .h6),
        ("table", .table), ("caption", .caption), ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot), ("tr", .tr),
        ("td", .td), ("th", .th), ("colgroup", .colgroup), ("col", .col), ("a", .a), ("img", .img),
    ]
    static let shortNames: [UInt64: HTMLTag] = Dictionary(uniqueKeysWithValues:
        names.filter { $0.0.utf8.count <= 8 }.map { (pack($0.0.utf8), $0.1) })
    static let longNames: [String: HTMLTag] = Dictionary(uniqueKeysWithValues: names.filter { $0.0.utf8.count > 8 })

    static func pack<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var k: UInt64 = 0
        for b in bytes { k = (k << 8) | UInt64(b) }
        return k
    }

    /// The tag of an element node (`.other` for unknown names and non-elements).
    static func of(_ node: xmlNodePtr) -> HTMLTag {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return .other }
        var k: UInt64 = 0
        var i = 0
        while name[i] != 0 {
            if i == 8 {
                return longNames[String(cString: name)] ?? .other
            }
            k = (k << 8) | UInt64(name[i])
            i += 1
        }
        return shortNames[k] ?? .other
    }
}
