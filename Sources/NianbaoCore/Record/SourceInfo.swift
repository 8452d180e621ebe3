/// Where a record came from.
public struct SourceInfo: Codable, Sendable, Equatable {
    /// Local file path (parse) or the archive's raw path.
    public var file: String?
    public var url: String?
    public var sha256: String?
    public var mediaType: String?
    public var charset: String?
    /// ISO 8601 time of the capture, when archived.
    public var fetchedAt: String?
    public var captureID: String?
    /// The site id from Config/sites.yaml, when crawled.
    public var site: String?

    public init(file: String? = nil, url: String? = nil, sha256: String? = nil, mediaType: String? = nil,
                charset: String? = nil, fetchedAt: String? = nil, captureID: String? = nil, site: String? = nil) {
        self.file = file
        self.url = url
        self.sha256 = sha256
        self.mediaType = mediaType
        self.charset = charset
        self.fetchedAt = fetchedAt
        self.captureID = captureID
        self.site = site
    }

    enum CodingKeys: String, CodingKey {
        case file, url, sha256
        case mediaType = "media_type"
        case charset
        case fetchedAt = "fetched_at"
        case captureID = "capture_id"
        case site
    }
}
