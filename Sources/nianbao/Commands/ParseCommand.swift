import ArgumentParser
import Foundation
import Extraction
import NianbaoCore
import Parsing
import Pipeline

/// Parse report files into structured records, without touching the archive.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse report files (.html/.htm/.shtml, .pdf, .docx, .doc/.wps, .txt; recognised by content) into JSON records.",
        discussion: """
        Prints one JSON record per file on stdout: pretty-printed for one file, JSON Lines (one object per \
        line) for several. --format summary prints the tables and findings for a person instead.
        Exit status: 0 when every file parsed, 1 when any file could not be read, is not a report or its \
        tables cannot be found (the message on stderr names the file and what is missing; the other \
        files are still printed), 2 for usage errors.
        """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case json, summary }

    @Argument(help: "Report files to parse.")
    var files: [String] = []

    @Option(name: .long, help: "Output format: json (default) or summary.")
    var format: OutputFormat = .json

    func run() async throws {
        // Checked here, not in validate(), so an unknown option is reported first.
        if files.isEmpty { throw ValidationError("parse: give at least one FILE (see nianbao parse --help)") }
        let processor = DocumentProcessor()
        var failed = 0
        for (i, file) in files.enumerated() {
            let url = URL(fileURLWithPath: file)
            let outcome = await processor.process(ExtractionInput(file: url, sourceName: file))
            switch outcome {
            case .report(var record, _):
                record.source.file = file
                switch format {
                case .json:
                    let text = try StableJSON.string(record, pretty: files.count == 1)
                    print(text)
                case .summary:
                    if i > 0 { print("") }
                    print(SummaryFormatter.format(record))
                }
            case .notReport, .failed:
                // Not a report or unreadable: both are named on stderr and give exit 1.
                guard case let (stage, message, document)? = outcome.problem else { continue }
                failed += 1
                // Extraction notes say why a readable file has no report (e.g. "image-only PDF; no text layer").
                let notes = document?.notes ?? []
                CLISupport.printError("nianbao parse: \(stage) failed: \(message)" + (notes.isEmpty ? "" : " [\(notes.joined(separator: "; "))]"))
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
