import Extraction
import Foundation

/// Finds the other pages of a paginated list: TRS `createPageHTML(total, current, "index", "shtml")`
/// scripts, 下一页 / 尾页 links, and index_N.html links (with the pages between them filled in).
public enum Pagination {
    /// URLs of other list pages, in page order, without the page itself.
    public static func pages(html: String, document: HTMLDocument, links: [HTMLLink], pageURL: String) -> [String] {
        var found: [String] = []
        found += trsPages(html: html, pageURL: pageURL)
        for link in links {
            guard let url = link.url else { continue }
            let text = link.text.replacingOccurrences(of: " ", with: "")
            if Self.navigationTexts.contains(where: { text.contains($0) }) || numberedPage(url, like: pageURL) != nil {
                found.append(url)
            }
        }
        found += filledGaps(in: found + [pageURL], pageURL: pageURL)
        var seen: Set<String> = [pageURL]
        return found.filter { seen.insert($0).inserted }.sorted { (pageNumber($0) ?? 0) < (pageNumber($1) ?? 0) }
    }

    static let navigationTexts = ["下一页", "下页", "尾页", "末页", "最后一页", "后一页"]

    /// TRS: `createPageHTML(5, 0, "index", "shtml")` (also the newer `createPageHTML('page_div', 5, 1, 'index', 'shtml', 98)`
    /// and variables: `var countPage = 5; createPageHTML(countPage, currentPage, "index", "htm")`).
    /// Page 0 is `index.shtml`, page n is `index_n.shtml`, in the list page's directory.
    public static func trsPages(html: String, pageURL: String) -> [String] {
        guard let re = try? NSRegularExpression(pattern: #"createPageHTML\s*\(([^)]*)\)"#) else { return [] }
        let ns = html as NSString
        var out: [String] = []
        for m in re.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let args = ns.substring(with: m.range(at: 1)).split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            var ints: [Int] = []
            var strings: [String] = []
            for a in args {
                if a.hasPrefix("\"") || a.hasPrefix("'") {
                    if !ints.isEmpty { strings.append(String(a.dropFirst().dropLast())) }
                } else if let n = Int(a) {
                    ints.append(n)
                } else if let n = variable(a, in: html) {
                    ints.append(n)
                }
            }
            guard ints.count >= 1, ints[0] > 1, ints[0] < 10_000 else { continue }
            let prefix = strings.first ?? "index"
            let ext = strings.count > 1 ? strings[1] : "html"
            guard let base = URL(string: pageURL) else { continue }
            for n in 0..<ints[0] {
                let name = n == 0 ? "\(prefix).\(ext)" : "\(prefix)_\(n).\(ext)"
                if let u = URL(string: name, relativeTo: base)?.absoluteString { out.append(u) }
            }
        }
        return out
    }

    /// `var name = 12;` in a script.
    static func variable(_ name: String, in html: String) -> Int? {
        guard name.range(of: "^[A-Za-z_$][A-Za-z0-9_$]*$", options: .regularExpression) != nil,
              let re = try? NSRegularExpression(pattern: "\\b\(NSRegularExpression.escapedPattern(for: name))\\s*=\\s*(\\d+)")
        else { return nil }
        let ns = html as NSString
        guard let m = re.firstMatch(in: html, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return Int(ns.substring(with: m.range(at: 1)))
    }

    /// `…/index_3.html` in the same directory as the page, with the same stem family: (stem, n, ext).
    static func numberedPage(_ url: String, like pageURL: String) -> Int? {
        guard let u = URL(string: url), let p = URL(string: pageURL), u.host == p.host,
              u.deletingLastPathComponent().path == p.deletingLastPathComponent().path
                || u.deletingLastPathComponent().path == p.path
        else { return nil }
        return pageNumber(url)
    }

    static let numberedName = try! NSRegularExpression(pattern: #"^(index|list|default|page)_(\d+)\.(s?html?|jsp|aspx?)$"#,
                                                       options: [.caseInsensitive])

    /// The n of `index_n.html`; 0 for the unnumbered first page; nil for anything else.
    public static func pageNumber(_ url: String) -> Int? {
        guard let last = URL(string: url)?.lastPathComponent else { return nil }
        let ns = last as NSString
        if let m = numberedName.firstMatch(in: last, range: NSRange(location: 0, length: ns.length)) {
            return Int(ns.substring(with: m.range(at: 2)))
        }
        if last.range(of: #"^(index|list|default)\.(s?html?|jsp|aspx?)$"#, options: [.regularExpression, .caseInsensitive]) != nil {
            return 0
        }
        return nil
    }

    /// When index_1 and index_7 (尾页) are known, index_2 … index_6 exist too.
    static func filledGaps(in urls: [String], pageURL: String) -> [String] {
        let numbered = urls.compactMap { u -> (String, Int)? in
            guard let n = numberedPage(u, like: pageURL), n > 0 else { return nil }
            return (u, n)
        }
        guard let top = numbered.max(by: { $0.1 < $1.1 }), top.1 > 1, top.1 < 10_000,
              let base = URL(string: top.0) else { return [] }
        let name = base.lastPathComponent
        guard let underscore = name.lastIndex(of: "_"), let dot = name.lastIndex(of: ".") else { return [] }
        let stem = name[..<underscore], ext = name[dot...]
        return (1..<top.1).compactMap { n in
            URL(string: "\(stem)_\(n)\(ext)", relativeTo: base)?.absoluteString
        }
    }
}
