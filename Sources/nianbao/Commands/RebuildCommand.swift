import ArgumentParser
import Archiving
import Foundation
import Pipeline

/// Re-extract and re-parse every raw capture, offline; regenerate reports/ and index.sqlite.
/// Run it after upgrading nianbao. Exit 0 when every document gave a report or was skipped
/// cleanly, 1 when some documents failed (listed on stderr), 3 when another rebuild holds the lock.
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
            CLISupport.printError("nianbao rebuild: another process holds the \(name) lock; try again when it finishes")
            throw ExitCode(3)
        }
        for f in summary.failures { CLISupport.printError("skipped: \(f)") }
        if dryRun {
            for c in summary.changes { print(c.line) }
            print("dry run: \(summary.changes.count) report(s) would change; \(summary.reports) report(s), \(summary.versions) version(s) from \(summary.documents) document(s)")
        } else {
            print(String(format: "rebuilt %d report(s), %d version(s) from %d document(s) in %.1f s; %d document(s) skipped",
                         summary.reports, summary.versions, summary.documents, summary.seconds, summary.failures.count))
        }
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }
}
