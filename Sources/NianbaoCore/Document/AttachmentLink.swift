/// A link from a page to a downloadable file (pdf, doc, docx, wps, xls, xlsx, zip) or a download handler.
public struct AttachmentLink: Codable, Sendable, Equatable, Hashable {
    /// The href as written (resolved against the page URL when the page URL is known).
    public var url: String
    /// The link text (or title attribute when the text is empty).
    public var text: String

    public init(url: String, text: String) {
        self.url = url
        self.text = text
    }
}
