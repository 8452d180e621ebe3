import Foundation

/// A hyperlink found on a page.
public struct HTMLLink: Sendable, Equatable, Hashable {
    /// Absolute URL (resolved against the page URL; non-ASCII percent-encoded). Nil when unresolvable.
    public var url: String?
    /// The href as written.
    public var href: String
    /// Link text (all text nodes concatenated, whitespace collapsed).
    public var text: String
    /// The title attribute, if any.
    public var title: String?
}

/// Collects `a[href]` links of a page, resolved against its URL.
public enum LinkCollector {
    public static func links(in document: HTMLDocument, baseURL: String?) -> [HTMLLink] {
        guard let root = document.root else { return [] }
        var out: [HTMLLink] = []
        let base = baseURL.flatMap { URLResolver.url($0) }
        root.forEachDescendant { node in
            guard node.isElement, node.name == "a", let href = node.attribute("href") else { return }
            let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty, !trimmed.lowercased().hasPrefix("javascript:"), !trimmed.hasPrefix("#") else { return }
            let text = node.textContent(breaks: false).collapsingWhitespace
            out.append(HTMLLink(url: URLResolver.resolve(trimmed, against: base), href: href, text: text,
                                title: node.attribute("title")))
        }
        return out
    }
}

/// URL resolution that tolerates what government pages write: non-ASCII paths, spaces, backslashes.
public enum URLResolver {
    /// Percent-encode everything outside printable ASCII, then parse.
    public static func url(_ s: String) -> URL? {
        URL(string: escape(s))
    }

    public static func resolve(_ href: String, against base: URL?) -> String? {
        let cleaned = escape(href.replacingOccurrences(of: "\\", with: "/"))
        guard let u = URL(string: cleaned, relativeTo: base) else { return nil }
        let abs = u.absoluteURL
        guard let scheme = abs.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        return abs.absoluteString
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value > 0x20 && scalar.value < 0x7F && scalar != "\"" && scalar != "<" && scalar != ">" && scalar != "`"
                && scalar != "{" && scalar != "}" && scalar != "|" && scalar != "^" {
                out.unicodeScalars.append(scalar)
            } else if scalar == " " {
                out += "%20"
            } else if scalar.value < 0x20 {
                continue
            } else {
                for b in String(scalar).utf8 { out += String(format: "%%%02X", b) }
            }
        }
        return out
    }
}
