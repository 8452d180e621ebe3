import ArgumentParser
import Archiving
import Foundation
import Pipeline

/// Re-extract and re-parse every raw capture, offline; regenerate reports/ and index.sqlite.
/// Run it after upgrading nianbao. Exit 0 when every document gave a report or is not a report
/// (list pages, notices, pages that wrap an attachment: listed on stderr as "not a report: …"),
/// 1 when some documents failed ("skipped: …" on stderr), 3 when a crawl or another rebuild runs.
struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Re-extract and re-parse every raw capture, offline; regenerate reports/ and index.sqlite.")

    @OptionGroup var options: ArchiveOptions

    @Option(help: "Documents processed in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .customLong("dry-run"), help: "Write nothing; list the reports whose numbers or findings would change.")
    var dryRun = false

    /// "\rprocess: 250/10000" on stderr, every 25 documents and at the end of each phase.
    @Sendable static func progressLine(phase: String, done: Int, total: Int) {
        guard done == total || done % 25 == 0 else { return }
        let end = done == total ? "\n" : ""
        FileHandle.standardError.write(Data("\r\u{1B}[K\(phase): \(done)/\(total)\(end)".utf8))
    }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let archive = try Archive(root: options.archiveURL)
        let progress: (@Sendable (String, Int, Int) -> Void)? = CLISupport.stderrIsTTY ? Self.progressLine : nil
        let summary: RebuildSummary
        do {
            summary = try await Rebuilder(archive: archive).run(RebuildOptions(jobs: jobs, dryRun: dryRun, progress: progress))
        } catch ArchiveError.lockHeld(let name) {
            CLISupport.printError("nianbao rebuild: another nianbao process holds the \(name) lock (a crawl or a rebuild is running); try again when it finishes")
            throw ExitCode(3)
        }
        for n in summary.notReports { CLISupport.printError("not a report: \(n)") }
        for f in summary.failures { CLISupport.printError("skipped: \(f)") }
        if dryRun {
            for c in summary.changes { print(c.line) }
            print("dry run: \(summary.changes.count) report(s) would change; \(summary.reports) report(s), \(summary.versions) version(s) from \(summary.documents) document(s)")
        } else {
            print(String(format: "rebuilt %d report(s), %d version(s) from %d document(s) in %.1f s; %d not a report; %d document(s) skipped",
                         summary.reports, summary.versions, summary.documents, summary.seconds, summary.notReports.count, summary.failures.count))
        }
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }
}
