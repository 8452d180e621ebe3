import CLibXML2
import Foundation
import NianbaoCore

/// Finds links to downloadable files on a page: .pdf .doc .docx .wps .xls .xlsx .zip (.rar .ofd .et),
/// and download handlers (downfile.jsp, download.jsp?…, download.aspx, …), with their link text.
enum AttachmentCollector {
    static let extensions: Set<String> = ["pdf", "doc", "docx", "wps", "xls", "xlsx", "zip", "rar", "ofd", "et"]

    /// True when `href` points at a file or a download handler.
    static func isAttachment(_ href: String) -> Bool {
        var path = Substring(href)
        if let q = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<q] }
        let last = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        if last.contains("downfile") || last.contains("download") || last == "down.jsp" || last == "down.aspx" { return true }
        guard let dot = last.lastIndex(of: ".") else { return false }
        return extensions.contains(String(last[last.index(after: dot)...]))
    }

    /// The same test on the raw attribute bytes, without building a String (most links are not attachments).
    static func isAttachment(bytes href: UnsafePointer<xmlChar>) -> Bool {
        var end = 0
        var lastSlash = -1
        var lastDot = -1
        while href[end] != 0 && href[end] != UInt8(ascii: "?") && href[end] != UInt8(ascii: "#") {
            if href[end] == UInt8(ascii: "/") { lastSlash = end; lastDot = -1 }
            if href[end] == UInt8(ascii: ".") { lastDot = end }
            end += 1
        }
        // Trailing whitespace in the path part.
        var e = end
        while e > 0, href[e - 1] == 0x20 || href[e - 1] == 0x0A || href[e - 1] == 0x0D || href[e - 1] == 0x09 { e -= 1 }
        // "down" anywhere in the last path segment (downfile.jsp, download.jsp, DownLoad.aspx, down.jsp).
        var i = lastSlash + 1
        while i + 4 <= e {
            if href[i] | 0x20 == UInt8(ascii: "d"), href[i + 1] | 0x20 == UInt8(ascii: "o"), href[i + 2] | 0x20 == UInt8(ascii: "w"),
               href[i + 3] | 0x20 == UInt8(ascii: "n") { return true }
            i += 1
        }
        guard lastDot >= 0, e - lastDot - 1 >= 2, e - lastDot - 1 <= 4 else { return false }
        var ext: [UInt8] = []
        for k in (lastDot + 1)..<e { ext.append(href[k] | 0x20) }
        return extensions.contains(String(decoding: ext, as: UTF8.self))
    }

    static func collect(_ document: HTMLDocument, pageURL: String?) -> [AttachmentLink] {
        guard let root = xmlDocGetRootElement(document.doc) else { return [] }
        var base = pageURL.flatMap(URLResolver.url)
        var out: [AttachmentLink] = []
        var seen = Set<String>()
        var stack: [xmlNodePtr] = [root]
        while let n = stack.popLast() {
            guard NodeAccess.isElement(n) else { continue }
            let tag = HTMLTag.of(n)
            if tag == .base, let href = NodeAccess.attributeString(n, "href"),
               let resolved = URLResolver.resolve(href.trimmingCharacters(in: .whitespaces), against: base) {
                base = URL(string: resolved)
                continue
            }
            if tag == .a, let hrefC = NodeAccess.attribute(n, "href") {
                guard isAttachment(bytes: hrefC) else { continue }
                let href = String(cString: hrefC).trimmingCharacters(in: .whitespacesAndNewlines)
                if !href.isEmpty, !href.lowercased().hasPrefix("javascript:"), isAttachment(href) {
                    let url = base.flatMap { URLResolver.resolve(href, against: $0) } ?? href
                    if seen.insert(url).inserted {
                        var text = MetadataReader.collapse(NodeAccess.rawText(n))
                        if text.isEmpty { text = NodeAccess.attributeString(n, "title").map(MetadataReader.collapse) ?? "" }
                        if text.isEmpty { text = href.split(separator: "/").last.map(String.init) ?? href }
                        out.append(AttachmentLink(url: url, text: text))
                    }
                }
                continue
            }
            if tag.isNeverContent && tag != .head { continue }
            NodeAccess.pushChildren(n, onto: &stack)
        }
        return out
    }
}
