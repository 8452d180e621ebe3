import Extraction
import Foundation

/// What a list page offers: report candidates (detail pages or files) and further list pages.
public struct ListPageResult: Sendable, Equatable {
    public struct Candidate: Sendable, Equatable, Hashable {
        public var url: String
        /// Link text, or the title attribute when the text is cut short.
        public var text: String
        public init(url: String, text: String) {
            self.url = url
            self.text = text
        }
    }

    /// Report links, de-duplicated, in page order.
    public var reports: [Candidate]
    /// Other list pages of the same column, in page order.
    public var pages: [String]
    /// Links dropped by an exclude pattern (text and pattern), for `--dry-run` and logs.
    public var excluded: [(text: String, pattern: String)]

    public static func == (a: ListPageResult, b: ListPageResult) -> Bool {
        a.reports == b.reports && a.pages == b.pages && a.excluded.map(\.text) == b.excluded.map(\.text)
    }
}

/// Reads a decoded list page: `a[href]` links, Hanweb datastore records, pagination.
public struct ListPageDiscovery: Sendable {
    public let classifier: LinkClassifier
    public let site: SiteConfig?

    public init(site: SiteConfig) {
        self.site = site
        self.classifier = LinkClassifier(rules: site.rules)
    }

    public init(rules: LinkRules = .defaults) {
        self.site = nil
        self.classifier = LinkClassifier(rules: rules)
    }

    /// Discovers links on a list page given as UTF-8 text.
    public func discover(html: String, pageURL: String) throws -> ListPageResult {
        let document = try HTMLDocument(utf8: html, url: pageURL)
        let links = LinkCollector.links(in: document, baseURL: pageURL) + DatastoreList.links(in: document, baseURL: pageURL)
        var reports: [ListPageResult.Candidate] = []
        var excluded: [(String, String)] = []
        var seen: Set<String> = []
        for link in links {
            guard let url = link.url, site?.allows(url) ?? true else { continue }
            let key = Self.canonical(url)
            switch classifier.classify(text: link.text, title: link.title, url: url) {
            case .report:
                if seen.insert(key).inserted {
                    let text = (link.title.map { $0.count > link.text.count } ?? false) ? link.title! : link.text
                    reports.append(.init(url: url, text: text))
                }
            case .excluded(let pattern):
                excluded.append((link.text.isEmpty ? (link.title ?? url) : link.text, pattern))
            case .unrelated:
                break
            }
        }
        let pages = Pagination.pages(html: html, document: document, links: links, pageURL: pageURL)
            .filter { site?.allows($0) ?? true }
        return ListPageResult(reports: reports, pages: pages, excluded: excluded)
    }

    /// The URL without its fragment: two links that differ only by `#…` are one document.
    public static func canonical(_ url: String) -> String {
        guard let hash = url.firstIndex(of: "#") else { return url }
        return String(url[..<hash])
    }
}
