import Extraction
import Foundation

/// Recognises links to report files: .pdf, .doc, .docx, .wps (by URL or link text) and download
/// handlers (download.jsp, DownLoad.aspx, getFile?id=…), plus files embedded by iframe/embed/object
/// and PDF viewers (`viewer.html?file=/x.pdf`).
public enum Attachments {
    public static let extensions: Set<String> = ["pdf", "doc", "docx", "wps"]

    /// The attachment links of a detail page, resolved and de-duplicated, in page order.
    public static func links(in document: HTMLDocument, links: [HTMLLink], pageURL: String) -> [ListPageResult.Candidate] {
        var out: [ListPageResult.Candidate] = []
        for link in links {
            guard let url = link.url else { continue }
            if isAttachment(url: url, text: link.text + " " + (link.title ?? "")) {
                out.append(.init(url: url, text: link.text.isEmpty ? (link.title ?? "") : link.text))
            }
        }
        let base = URL(string: pageURL)
        for tag in ["iframe", "embed", "object"] {
            for node in document.select("//\(tag)") {
                guard let src = node.attribute("src") ?? node.attribute("data"),
                      let url = URLResolver.resolve(src, against: base) else { continue }
                if let inner = viewerTarget(url), isAttachment(url: inner, text: "") {
                    out.append(.init(url: inner, text: ""))
                } else if hasFileExtension(url) {
                    out.append(.init(url: url, text: ""))
                }
            }
        }
        for (i, link) in out.enumerated() {
            if let inner = viewerTarget(link.url), hasFileExtension(inner) {
                out[i].url = inner
            }
        }
        var seen: Set<String> = []
        return out.filter { seen.insert($0.url).inserted }
    }

    /// True for a file link or a download handler.
    public static func isAttachment(url: String, text: String) -> Bool {
        if hasFileExtension(url) { return true }
        if let inner = viewerTarget(url), hasFileExtension(inner) { return true }
        let lowerText = text.lowercased()
        if extensions.contains(where: { lowerText.contains(".\($0)") }) && isHandler(url) { return true }
        return isHandler(url) && (text.contains("附件") || text.contains("下载") || extensions.contains { lowerText.contains(".\($0)") })
            || isHandler(url) && text.trimmingCharacters(in: .whitespaces).isEmpty == false && handlerStrong(url)
    }

    static func hasFileExtension(_ url: String) -> Bool {
        guard let u = URL(string: url) else { return false }
        return extensions.contains(u.pathExtension.lowercased())
    }

    /// `…/viewer.html?file=/a/b.pdf` → the file URL.
    static func viewerTarget(_ url: String) -> String? {
        guard let comps = URLComponents(string: url),
              let file = comps.queryItems?.first(where: { ["file", "url", "filepath", "path"].contains($0.name.lowercased()) })?.value,
              let base = URL(string: url)
        else { return nil }
        return URLResolver.resolve(file, against: base)
    }

    static let handlerWords = ["download", "downfile", "getfile", "filedown", "attachment", "downloadfile", "fileid="]

    static func isHandler(_ url: String) -> Bool {
        let l = url.lowercased()
        return handlerWords.contains { l.contains($0) }
    }

    /// Handlers that always serve a file (no need for a 附件 label).
    static func handlerStrong(_ url: String) -> Bool {
        let l = url.lowercased()
        return l.contains("download.jsp") || l.contains("download.aspx") || l.contains("downfile") || l.contains("getfile")
            || l.contains("filedown")
    }
}
