import Foundation
import NianbaoCore

/// A report's identity in the archive: site + agency + year. Every version of the report shares it.
/// Site and agency are held as sanitised path components, so a key read back from the
/// reports/ tree equals the key made from a capture.
public struct ReportKey: Hashable, Comparable, Sendable {
    public let site: String
    public let agency: String
    public let year: Int?

    public init(site: String, agency: String, year: Int?) {
        self.site = PathSanitizer.component(site)
        self.agency = PathSanitizer.component(agency)
        self.year = year
    }

    /// The key of a report file's location: reports/<site>/<year>/<agency>.v<N>.json.
    public init?(reportID: String) {
        let parts = reportID.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return nil }
        self.init(site: parts[0], agency: parts[2], year: parts[1] == "unknown-year" ? nil : Int(parts[1]))
    }

    /// The key of a record from a capture: site from the capture (else the record, else "manual");
    /// agency from the capture (config or --agency), else the parsed agency, else "unknown-<hash of URL>".
    public init(record: ReportRecord, capture: Capture) {
        self.init(site: capture.site ?? record.source.site ?? "manual",
                  agency: capture.agency ?? record.agency ?? "unknown-\(SHA256.hex(capture.url).prefix(12))",
                  year: record.year)
    }

    var siteComponent: String { site }
    var yearComponent: String { year.map(String.init) ?? "unknown-year" }
    var agencyComponent: String { agency }

    /// "<site>/<year>/<agency>" with sanitised components: stable and safe as a relative path.
    public var reportID: String { "\(siteComponent)/\(yearComponent)/\(agencyComponent)" }

    /// reports/<site>/<year>
    public func directory(in reportsDir: URL) -> URL {
        reportsDir.appendingPathComponent(siteComponent).appendingPathComponent(yearComponent)
    }

    /// "<agency>.v<N>" (the file's base name; add .json or .txt).
    public func baseName(version: Int) -> String { "\(agencyComponent).v\(version)" }

    /// reports/<site>/<year>/<agency>.v<N>.json relative to the archive root.
    public func relativeJSONPath(version: Int) -> String { "reports/\(reportID).v\(version).json" }

    /// The same agency's key for the year before.
    public var previousYear: ReportKey? { year.map { ReportKey(site: site, agency: agency, year: $0 - 1) } }

    public static func < (a: ReportKey, b: ReportKey) -> Bool {
        (a.site, a.agency, a.year ?? Int.min) < (b.site, b.agency, b.year ?? Int.min)
    }
}
