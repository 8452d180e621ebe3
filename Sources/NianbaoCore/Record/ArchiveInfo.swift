/// Versioning facts the Archive adds to a record.
public struct ArchiveInfo: Codable, Sendable, Equatable {
    /// Stable report id: derived from site, agency and year.
    public var reportID: String
    /// 1 for the first content seen, +1 for each capture whose content differs.
    public var version: Int
    public var firstSeen: String
    public var lastSeen: String
    /// Cells that changed against the previous version (empty for version 1).
    public var diff: [CellChange]

    public init(reportID: String, version: Int, firstSeen: String, lastSeen: String, diff: [CellChange] = []) {
        self.reportID = reportID
        self.version = version
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.diff = diff
    }

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case version
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case diff
    }
}

/// One number that changed between two versions of a report.
public struct CellChange: Codable, Sendable, Equatable {
    public var cell: String
    public var from: Double?
    public var to: Double?

    public init(cell: String, from: Double?, to: Double?) {
        self.cell = cell
        self.from = from
        self.to = to
    }
}
