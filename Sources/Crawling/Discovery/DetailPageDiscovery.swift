import Extraction
import Foundation

/// Reads a decoded detail page: its attachments (the files a report page links or embeds).
public enum DetailPageDiscovery {
    public static func attachments(html: String, pageURL: String, site: SiteConfig?) throws -> [ListPageResult.Candidate] {
        let document = try HTMLDocument(utf8: html, url: pageURL)
        let links = LinkCollector.links(in: document, baseURL: pageURL)
        return Attachments.links(in: document, links: links, pageURL: pageURL).filter { site?.allows($0.url) ?? true }
    }
}
