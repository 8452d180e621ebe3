import CLibXML2
import Foundation
import NianbaoCore

/// Finds a page's attachments by ``AttachmentRules``: links (`<a href>`) to files, PDF viewers and
/// download handlers, with their link text, and files shown in `<iframe>`, `<embed>` or `<object>`.
/// URLs are resolved against the page (and `<base href>`); a viewer's URL becomes its file's.
/// Each URL once, in page order.
public enum AttachmentCollector {
    public static func collect(_ document: HTMLDocument, pageURL: String?) -> [AttachmentLink] {
        guard let root = xmlDocGetRootElement(document.doc) else { return [] }
        var base = pageURL.flatMap(URLResolver.url)
        var out: [AttachmentLink] = []
        var seen = Set<String>()
        func add(_ href: String, text: String) {
            let resolved = base.flatMap { URLResolver.resolve(href, against: $0) } ?? href
            let url = AttachmentRules.fileURL(resolved) ?? resolved
            guard seen.insert(url).inserted else { return }
            out.append(AttachmentLink(url: url, text: text.isEmpty ? String(AttachmentRules.lastSegment(url)) : text))
        }
        var stack: [xmlNodePtr] = [root]
        while let n = stack.popLast() {
            guard NodeAccess.isElement(n) else { continue }
            let tag = HTMLTag.of(n)
            switch tag {
            case .base:
                if let href = NodeAccess.attributeString(n, "href"),
                   let resolved = URLResolver.resolve(href.trimmingCharacters(in: .whitespaces), against: base) {
                    base = URL(string: resolved)
                }
                continue
            case .a:
                guard let hrefC = NodeAccess.attribute(n, "href"), mayBeAttachment(bytes: hrefC) else { continue }
                let href = String(cString: hrefC).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !href.isEmpty else { continue }
                let text = NodeAccess.rawText(n).collapsingWhitespace
                let title = NodeAccess.attributeString(n, "title").map(\.collapsingWhitespace) ?? ""
                if AttachmentRules.isAttachment(url: href, text: text + " " + title) {
                    add(href, text: text.isEmpty ? title : text)
                }
                continue
            case .iframe, .embed, .object:
                // A file shown in the page: by its extension or a viewer's ?file=, no handler guessing.
                if let src = (NodeAccess.attributeString(n, "src") ?? NodeAccess.attributeString(n, "data"))?
                    .trimmingCharacters(in: .whitespacesAndNewlines), !src.isEmpty, AttachmentRules.fileURL(src) != nil {
                    add(src, text: NodeAccess.attributeString(n, "title").map(\.collapsingWhitespace) ?? "")
                }
                // An iframe's content is not markup. An unclosed <embed> holds the rest of the page
                // (see HTMLTag.isNeverContent), an <object> its fallback (often a download link).
                if tag != .iframe { NodeAccess.pushChildren(n, onto: &stack) }
                continue
            default:
                if tag.isNeverContent && tag != .head { continue }
                NodeAccess.pushChildren(n, onto: &stack)
            }
        }
        return out
    }

    /// A cheap first look at the raw attribute bytes (most links of a page are not attachments, and
    /// building a String for each costs): false only when no rule of ``AttachmentRules`` can match —
    /// no query, no file extension, no "down" (download, downfile, …), "getfile" or "attach" in the
    /// path. It must accept everything ``AttachmentRules/isAttachment(url:text:extensions:)`` does.
    static func mayBeAttachment(bytes href: UnsafePointer<xmlChar>) -> Bool {
        var end = 0
        var lastDot = -1
        while href[end] != 0 && href[end] != UInt8(ascii: "?") && href[end] != UInt8(ascii: "#") {
            if href[end] == UInt8(ascii: "/") { lastDot = -1 }
            if href[end] == UInt8(ascii: ".") { lastDot = end }
            end += 1
        }
        // A query: a viewer (?file=…) or a handler (?fileid=…) may be behind it.
        if href[end] == UInt8(ascii: "?") { return true }
        var e = end
        while e > 0, href[e - 1] == 0x20 || href[e - 1] == 0x0A || href[e - 1] == 0x0D || href[e - 1] == 0x09 { e -= 1 }
        func has(_ word: StaticString) -> Bool {
            let w = word.utf8Start, count = word.utf8CodeUnitCount
            var i = 0
            while i + count <= e {
                var k = 0
                while k < count, href[i + k] | 0x20 == w[k] { k += 1 }
                if k == count { return true }
                i += 1
            }
            return false
        }
        if has("down") || has("getfile") || has("attach") { return true }
        guard lastDot >= 0, e - lastDot - 1 >= 2, e - lastDot - 1 <= 4 else { return false }
        var ext: [UInt8] = []
        for k in (lastDot + 1)..<e { ext.append(href[k] | 0x20) }
        return AttachmentRules.fileExtensions.contains(String(decoding: ext, as: UTF8.self))
    }
}
