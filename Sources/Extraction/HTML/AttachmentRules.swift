import Foundation

/// What counts as an attachment link: the one set of rules for the Extractor (a Document's
/// attachments) and the crawler (which files of a detail page to fetch).
///
/// - a file by its extension: .pdf .doc .docx .wps (what a report comes as) and .xls .xlsx .zip
///   .rar .ofd .et (kept in the Document, not fetched by the crawler);
/// - a PDF viewer's target: `/pdfjs/web/viewer.html?file=/up/x.pdf` is the file `/up/x.pdf`;
/// - a download handler: a last path segment with "down" in it (downfile.jsp, download.jsp?…,
///   DownLoad.aspx, down.jsp, filedown.do) or "getfile" (getFile?id=…) always; a URL that only
///   mentions "download", "attachment" or "fileid=" elsewhere when its link text says 附件 or 下载 or
///   names a file (`附件：年报.docx`).
public enum AttachmentRules {
    /// The file types a report comes in: the ones the crawler fetches.
    public static let reportExtensions: Set<String> = ["pdf", "doc", "docx", "wps"]
    /// Every file type kept as an attachment.
    public static let fileExtensions: Set<String> = reportExtensions.union(["xls", "xlsx", "zip", "rar", "ofd", "et"])

    /// True when `url` (resolved or as written) with link text `text` is an attachment of one of
    /// `extensions`, a viewer showing one, or a download handler.
    public static func isAttachment(url: String, text: String, extensions: Set<String> = fileExtensions) -> Bool {
        if url.lowercased().hasPrefix("javascript:") || url.hasPrefix("#") { return false }
        if let file = fileURL(url), let ext = fileExtension(file) { return extensions.contains(ext) }
        return isHandler(url, text: text)
    }

    /// The file a URL names: the URL itself when its name has a file extension, or the file a PDF
    /// viewer shows (`viewer.html?file=…`); nil for anything else.
    public static func fileURL(_ url: String) -> String? {
        if fileExtension(url) != nil { return url }
        if let inner = viewerTarget(url), fileExtension(inner) != nil { return inner }
        return nil
    }

    /// The lowercased extension of the URL's last path segment (query and fragment ignored) when
    /// it is one of ``fileExtensions``.
    public static func fileExtension(_ url: String) -> String? {
        let name = lastSegment(url)
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        return fileExtensions.contains(ext) ? ext : nil
    }

    /// `…/viewer.html?file=/a/b.pdf` → the file URL, resolved against the viewer's.
    public static func viewerTarget(_ url: String) -> String? {
        guard url.contains("?"), let comps = URLComponents(string: url),
              let file = comps.queryItems?.first(where: { ["file", "url", "filepath", "path"].contains($0.name.lowercased()) })?.value,
              !file.isEmpty
        else { return nil }
        guard let base = URL(string: url), base.scheme != nil else { return file }
        return URLResolver.resolve(file, against: base)
    }

    /// A download handler: always for a handler-named last segment, otherwise only with link text
    /// that says it is a file.
    public static func isHandler(_ url: String, text: String) -> Bool {
        let last = lastSegment(url).lowercased()
        // A web page (the 下载中心 index, a countdown) is never a handler.
        if [".html", ".htm", ".shtml", ".xhtml"].contains(where: last.hasSuffix) { return false }
        if last.contains("down") || last.contains("getfile") { return true }
        let l = url.lowercased()
        guard l.contains("download") || l.contains("attachment") || l.contains("fileid=") || l.contains("getfile") else { return false }
        let t = text.lowercased()
        return t.contains("附件") || t.contains("下载") || reportExtensions.contains { t.contains(".\($0)") }
    }

    /// The last path segment, without query or fragment.
    static func lastSegment(_ url: String) -> Substring {
        var path = Substring(url)
        if let q = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<q] }
        while path.last == " " || path.last == "\n" || path.last == "\t" || path.last == "\r" { path = path.dropLast() }
        if let slash = path.lastIndex(of: "/") { return path[path.index(after: slash)...] }
        return path
    }
}
