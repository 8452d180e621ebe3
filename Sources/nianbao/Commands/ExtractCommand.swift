import ArgumentParser
import Extraction
import Foundation

/// Print the Document extracted from one file — metadata, notes, attachment links, blocks, and
/// tables as grids (span copies marked ^ and <) — for debugging extraction.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Print the extracted Document of a file (metadata, blocks, table grids), for debugging.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "An .html/.htm/.shtml, .pdf, .docx, .doc/.wps or .txt file (recognised by content).")
    var file: String

    @Option(help: "Output format: text (for people) or json (the Document).")
    var format: Format = .text

    @Option(help: "The page's URL, to resolve attachment links.")
    var url: String?

    @Option(name: .customLong("content-type"), help: "The HTTP Content-Type the file was served with (its charset is considered).")
    var contentType: String?

    func run() async throws {
        let input = ExtractionInput(file: URL(fileURLWithPath: file), sourceName: file, url: url, contentType: contentType)
        do {
            let document = try await Extractor().extract(input)
            print(format == .json ? try DocumentPrinter.json(document) : DocumentPrinter.text(document))
        } catch {
            CLISupport.printError("nianbao extract: \(error)")
            throw ExitCode(1)
        }
    }
}
