import NianbaoCore

/// Why a document did not yield a report.
public struct ParseError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable { case notAReport = "not_a_report", tablesNotFound = "tables_not_found" }
    public var kind: Kind
    public var source: String
    public var reason: String
    public init(kind: Kind, source: String, reason: String) {
        self.kind = kind
        self.source = source
        self.reason = reason
    }
    public var description: String { "\(source): \(reason)" }
}

/// Stage 4: canonical Document in, ReportRecord out.
public struct ReportParser: Sendable {
    public init() {}

    public func parse(_ document: Document) throws -> ReportRecord {
        throw ParseError(kind: .tablesNotFound, source: document.metadata.sourceName ?? "document", reason: "parser not implemented yet")
    }
}
