import Extraction
import Foundation

/// Reads a decoded detail page: the files it links or embeds that a report can come as (by the
/// Extractor's ``AttachmentRules``: .pdf .doc .docx .wps, PDF viewers, download handlers), each once,
/// in page order. Spreadsheets and archives stay in the Document's attachments but are not fetched.
public enum DetailPageDiscovery {
    public static func attachments(html: String, pageURL: String, site: SiteConfig?) throws -> [ListPageResult.Candidate] {
        let document = try HTMLDocument(utf8: html, url: pageURL)
        return AttachmentCollector.collect(document, pageURL: pageURL)
            .filter { link in
                let lower = link.url.lowercased()
                guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
                // A handler's file type is known only once fetched; a named file must be a report type.
                return AttachmentRules.fileExtension(link.url).map(AttachmentRules.reportExtensions.contains) ?? true
            }
            .filter { site?.allows($0.url) ?? true }
            .map { ListPageResult.Candidate(url: $0.url, text: $0.text) }
    }
}
