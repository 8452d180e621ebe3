import ArgumentParser
import Archiving
import Foundation
import Pipeline

/// Work with the archive directly.
struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Work with the archive directly (archive add FILE --url URL).",
        subcommands: [Add.self])

    /// Record a local file as a capture of URL and process it into the archive, as a fetch would.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a local file as a capture of URL (site \"manual\") and process it into a report.")

        @OptionGroup var options: ArchiveOptions

        @Argument(help: "The file (.html, .pdf, .docx, .doc/.wps, .txt; recognised by content) as downloaded.")
        var file: String

        @Option(help: "The URL the file was downloaded from.")
        var url: String

        @Option(help: "The agency's name (overrides the parsed one; part of the report's identity).")
        var agency: String?

        @Option(name: .customLong("fetched-at"), help: "When it was downloaded, ISO 8601 (default: now).")
        var fetchedAt: String?

        @Option(help: "Site id to file it under.")
        var site: String = "manual"

        func run() async throws {
            let archive = try Archive(root: options.archiveURL)
            let result: Ingestor.Result
            do {
                result = try await Ingestor(archive: archive).add(file: URL(fileURLWithPath: file), url: url, agency: agency,
                                                                  fetchedAt: fetchedAt, site: site)
            } catch let e as Ingestor.InvalidInput {
                throw ValidationError(e.description)
            } catch ArchiveError.lockHeld {
                CLISupport.printError("nianbao archive add: a crawl, fetch or rebuild is running (state/crawl.lock is held); exiting")
                throw ExitCode(3)
            }
            print("capture \(result.capture.id) sha256 \(result.capture.sha256 ?? "-")")
            if let failure = result.failure {
                CLISupport.printError("nianbao archive add: no report: \(failure)")
                throw ExitCode(1)
            }
            switch result.outcome {
            case .new(let v)?: print("\(result.reportID ?? ""): new report, version \(v)")
            case .changed(let v, let diff)?: print("\(result.reportID ?? ""): changed, version \(v), \(diff.count) cell(s) differ")
            case .unchanged?: print("\(result.reportID ?? ""): unchanged (last seen moved)")
            case nil: break
            }
        }
    }
}
