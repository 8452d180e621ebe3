import Foundation
import NianbaoCore
import Archiving
import Parsing

/// `nianbao rebuild`: re-extract and re-parse every capture's raw body, offline, and regenerate
/// reports/ and index.sqlite. Raw captures are the source of truth; everything else is derived.
///
/// Phases: (1) process each distinct body in parallel; (2) replay the captures in log order through
/// the versioning rule and attach cross-year findings (cheap, serial); (3) write the records into a
/// staging directory in parallel while one thread builds the index; (4) swap staging into place.
/// A kill at any point leaves the previous reports/ and index intact.
public struct Rebuilder: Sendable {
    public let archive: Archive
    /// Turns one capture's raw body into a report (default: DocumentProcessor over raw/).
    public let process: CaptureProcessing.Function

    public init(archive: Archive, processor: DocumentProcessor = DocumentProcessor()) {
        self.archive = archive
        self.process = CaptureProcessing.function(archive: archive, processor: processor)
    }

    /// With a custom processing function (tests, benchmarks of the archive side alone).
    public init(archive: Archive, process: @escaping CaptureProcessing.Function) {
        self.archive = archive
        self.process = process
    }

    /// Capture kinds that are never reports (discovery pages, robots.txt).
    static let nonReportKinds: Set<String> = ["list", "robots"]

    /// Whether a document the parser found no report in is simply not a report (rather than a report
    /// that could not be read): `.notAReport` always; `.tablesNotFound` (it looks like a report but has
    /// no table 三) only for a page whose attachments were captured — the detail page that wraps the
    /// report file, as the crawler treats it. A PDF or page without attachments lacking table 三 is a failure.
    static func isNotAReport(kind: ParseError.Kind, capture: Capture, pagesWithAttachments: Set<String>) -> Bool {
        switch kind {
        case .notAReport: return true
        case .tablesNotFound:
            return pagesWithAttachments.contains(capture.url) || capture.finalURL.map(pagesWithAttachments.contains) == true
        }
    }

    /// The URLs that some attachment capture names as its parent page.
    static func pagesWithAttachments(_ captures: [Capture]) -> Set<String> {
        Set(captures.lazy.filter { $0.kind == "attachment" }.compactMap(\.parent))
    }

    /// Runs the rebuild holding the `crawl` and `rebuild` locks, so no crawl stores records into the
    /// reports/ tree that is about to be replaced (throws `ArchiveError.lockHeld` if either is held).
    public func run(_ options: RebuildOptions = RebuildOptions()) async throws -> RebuildSummary {
        try await archive.withLock("crawl") {
            try await archive.withLock("rebuild") { try await runLocked(options) }
        }
    }

    private func runLocked(_ options: RebuildOptions) async throws -> RebuildSummary {
        let start = Date()
        var summary = RebuildSummary()
        var mark = start
        let captures = try archive.captures()
        summary.captures = captures.count
        summary.lap("read", since: &mark)

        // (1) Distinct bodies, in order of first appearance.
        var docIndex: [String: Int] = [:]
        var docs: [Capture] = []
        var docOf: [Int: Int] = [:]          // capture position -> doc
        var lastFetchedDoc: [String: Int] = [:]   // url -> doc of its newest fetched capture
        for (i, c) in captures.enumerated() {
            if c.outcome == .notModified, let d = lastFetchedDoc[c.url] { docOf[i] = d; continue }
            // As the crawler: only successful bodies (an error page's body is archived, not parsed).
            guard c.outcome == .fetched, let sha = c.sha256, !Self.nonReportKinds.contains(c.kind ?? ""),
                  (200..<300).contains(c.status ?? 200) else { continue }
            // The site and agency take part: they are stamped into the record, so into its fingerprint.
            let k = [sha, c.finalURL ?? c.url, c.header("content-type") ?? c.mediaType ?? "", c.filename ?? "",
                     c.site ?? "", c.agency ?? ""].joined(separator: "\u{1}")
            let d: Int
            if let existing = docIndex[k] { d = existing } else {
                d = docs.count
                docIndex[k] = d
                docs.append(c)
            }
            docOf[i] = d
            lastFetchedDoc[c.url] = d
        }
        summary.documents = docs.count
        let archive = self.archive, process = self.process, progress = options.progress, total = docs.count
        let bodies = docs
        let results = await RebuildParallel.map(count: docs.count, jobs: options.jobs, onDone: { progress?("process", $0, total) }) { i in
            let result = await process(bodies[i])
            guard case .report(let record, _) = result else { return (result, "") }
            return (result, Versioning.fingerprint(Versioning.stamp(CrossYearChecks.stripped(record), capture: bodies[i])))
        }
        let wrappers = Self.pagesWithAttachments(captures)
        for (d, (r, _)) in results.enumerated() {
            switch r {
            case .report: break
            case .failed(let reason): summary.failures.append(reason)
            case .notReport(let reason, let kind):
                if Self.isNotAReport(kind: kind, capture: docs[d], pagesWithAttachments: wrappers) {
                    summary.notReports.append(reason)
                } else {
                    summary.failures.append(reason)
                }
            }
        }
        summary.lap("process", since: &mark)

        // (2) Versions in capture-log order, then cross-year findings.
        var reports: [ReportKey: [ReportVersion]] = [:]
        for (i, c) in captures.enumerated() {
            guard let d = docOf[i], case .report(let record, let text) = results[d].0 else { continue }
            var capture = c
            if c.outcome == .notModified { capture.sha256 = docs[d].sha256; capture.mediaType = capture.mediaType ?? docs[d].mediaType }
            _ = Versioning.apply(&reports[ReportKey(record: record, capture: capture), default: []], record: record, text: text, capture: capture,
                                   fingerprint: results[d].1)
        }
        Versioning.attachCrossYear(&reports)
        summary.reports = reports.count
        summary.versions = reports.values.reduce(0) { $0 + $1.count }
        summary.lap("plan", since: &mark)

        if options.dryRun {
            summary.changes = RebuildDryRun.changes(old: ReportFiles.loadAll(reportsDir: archive.reportsDirectory).reports, new: reports)
            summary.seconds = Date().timeIntervalSince(start)
            return summary
        }

        // (3) Write into staging: record files in parallel, the index on its own thread.
        RebuildSwap.removeStale(archive)
        let staging = try RebuildSwap.makeStaging(archive)
        let stagingReports = staging.appendingPathComponent("reports")
        let liveReports = archive.reportsDirectory
        let indexURL = staging.appendingPathComponent("index.sqlite")
        let flat = reports.keys.sorted().flatMap { reports[$0]! }
        let frozen = reports
        let buildIndex: @Sendable () throws -> Void = { try IndexStore.build(at: indexURL, captures: captures, reports: frozen) }
        // With N jobs: the index thread plus N−1 file writers, so the index (one serial chain) keeps a core.
        let writers = max(1, options.jobs - 1)
        let writeFiles: @Sendable () async throws -> Void = {
            let writeErrors = await RebuildParallel.map(count: flat.count, jobs: writers, onDone: { progress?("write", $0, flat.count) }) { i -> String? in
                do { try ReportFiles.write(flat[i], reportsDir: stagingReports, durable: false, reuseFrom: liveReports); return nil }
                catch { return "\(error)" }
            }
            if let e = writeErrors.compactMap({ $0 }).first { throw ArchiveError.corrupt(path: stagingReports.path, reason: "cannot write: \(e)") }
        }
        do {
            if options.jobs > 1 {
                async let index: Void = RebuildParallel.onThread(buildIndex)
                try await writeFiles()
                try await index
                summary.lap("write", since: &mark)
            } else {
                try await writeFiles()
                summary.lap("files", since: &mark)
                try buildIndex()
                summary.lap("index", since: &mark)
            }
            // (4) Swap into place (syncs first).
            try RebuildSwap.install(staging: staging, into: archive)
            summary.lap("install", since: &mark)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}
