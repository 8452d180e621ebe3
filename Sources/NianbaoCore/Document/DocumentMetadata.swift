/// Fields a source document states about itself, kept apart from its body text.
public struct DocumentMetadata: Codable, Sendable, Equatable {
    /// Title: h1, `<meta name="ArticleTitle">`, `<title>`, PDF Title, or the first line.
    public var title: String?
    /// 发布日期 as printed, normalised to YYYY-MM-DD when possible.
    public var published: String?
    /// 来源 / 发布机构.
    public var publisher: String?
    /// 索引号.
    public var indexNumber: String?
    /// 文号.
    public var documentNumber: String?
    /// The charset the bytes were decoded with (e.g. "UTF-8", "GB18030"); nil for binary formats.
    public var charset: String?
    /// The media type the Extractor used: text/html, application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document, text/plain.
    public var mediaType: String?
    /// Where the document came from: a file path or URL, for messages.
    public var sourceName: String?
    /// Page count for paginated formats.
    public var pageCount: Int?

    public init(title: String? = nil, published: String? = nil, publisher: String? = nil,
                indexNumber: String? = nil, documentNumber: String? = nil, charset: String? = nil,
                mediaType: String? = nil, sourceName: String? = nil, pageCount: Int? = nil) {
        self.title = title
        self.published = published
        self.publisher = publisher
        self.indexNumber = indexNumber
        self.documentNumber = documentNumber
        self.charset = charset
        self.mediaType = mediaType
        self.sourceName = sourceName
        self.pageCount = pageCount
    }
}
