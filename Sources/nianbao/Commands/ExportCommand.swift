import ArgumentParser
import Archiving
import Foundation

/// Export every report version as a wide CSV (plus a findings CSV), JSON Lines or SQLite.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the archive as CSV, JSON Lines or SQLite.",
        discussion: """
        csv: one row per report version (report_id, site, agency, year, template, url, sha256, published, version, \
        is_current, first_seen, last_seen, capture_id, findings, then one column per cell key path); the findings go \
        to <out>-findings.csv. jsonl: one record per line. sqlite: the index tables (reports, cells, findings, captures, documents).
        """)

    @OptionGroup var options: ArchiveOptions

    @Option(help: "csv, jsonl or sqlite.")
    var format: String

    @Option(help: "Output file.")
    var out: String

    @Flag(help: "CSV for Excel: start each file with a UTF-8 byte-order mark.")
    var excel = false

    func run() async throws {
        guard let f = Exporter.Format(rawValue: format) else { throw ValidationError("--format must be csv, jsonl or sqlite, not '\(format)'") }
        let archive = try Archive(root: options.archiveURL)
        let result = try Exporter(archive: archive).export(format: f, to: URL(fileURLWithPath: out), excel: excel)
        print("exported \(result.versions) report version(s) to \(result.files.map(\.path).joined(separator: ", "))")
    }
}
