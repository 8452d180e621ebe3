import Foundation
import NianbaoCore

/// How to rebuild.
public struct RebuildOptions: Sendable {
    /// Documents processed (and files written) in parallel.
    public var jobs: Int
    /// Compute everything, write nothing, and list the reports whose numbers or findings would change.
    public var dryRun: Bool
    /// Called as documents finish: (phase, done, total).
    public var progress: (@Sendable (String, Int, Int) -> Void)?

    public init(jobs: Int = 1, dryRun: Bool = false, progress: (@Sendable (String, Int, Int) -> Void)? = nil) {
        self.jobs = max(1, jobs)
        self.dryRun = dryRun
        self.progress = progress
    }
}

/// What a rebuild did (or, with --dry-run, would do).
public struct RebuildSummary: Sendable {
    public var captures = 0
    /// Distinct bodies processed (a body captured twice is processed once).
    public var documents = 0
    public var reports = 0
    public var versions = 0
    /// Documents that failed (no body, extraction error, a report whose table 三 cannot be found):
    /// the reason, naming the capture. Logged and skipped; `rebuild` exits 1 when there are any.
    public var failures: [String] = []
    /// Documents that are not reports: list pages, notices, detail pages that only wrap an attachment
    /// (the reason, naming the capture). Normal in a crawled archive: listed apart, not a problem.
    public var notReports: [String] = []
    /// --dry-run: reports whose numbers or findings would change, were added or would disappear.
    public var changes: [ReportChange] = []
    public var seconds: Double = 0
    /// Wall-clock and process CPU seconds per phase (read, process, plan, write, install), for benchmarks.
    public var phases: [(name: String, seconds: Double, cpu: Double)] = []
    private var lastCPU = RebuildSummary.processCPU()

    mutating func lap(_ name: String, since: inout Date) {
        let now = Date(), cpu = Self.processCPU()
        phases.append((name, now.timeIntervalSince(since), cpu - lastCPU))
        since = now
        lastCPU = cpu
    }

    /// User + system CPU seconds of this process so far.
    public static func processCPU() -> Double {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }
}

/// One report that a rebuild changes (current version against current version).
public struct ReportChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case added, removed, changed }
    public var reportID: String
    public var kind: Kind
    public var cells: [CellChange]
    public var findingsAdded: [String]
    public var findingsRemoved: [String]

    /// One line for people: "changed 3 cells (t3.r7_total.total 5→6, …); findings +1 −0: …".
    public var line: String {
        switch kind {
        case .added: return "\(reportID): new report"
        case .removed: return "\(reportID): would disappear (no capture yields it now)"
        case .changed:
            var parts: [String] = []
            if !cells.isEmpty {
                let shown = cells.prefix(5).map { "\($0.cell) \(fmt($0.from))→\(fmt($0.to))" }.joined(separator: ", ")
                parts.append("\(cells.count) cell(s) change: \(shown)\(cells.count > 5 ? ", …" : "")")
            }
            if !findingsAdded.isEmpty { parts.append("new findings: " + findingsAdded.joined(separator: "; ")) }
            if !findingsRemoved.isEmpty { parts.append("findings gone: " + findingsRemoved.joined(separator: "; ")) }
            return "\(reportID): " + parts.joined(separator: "; ")
        }
    }

    private func fmt(_ v: Double?) -> String {
        guard let v else { return "blank" }
        return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}
