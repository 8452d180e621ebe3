import ArgumentParser
import Crawling
import Foundation

/// The sites file option shared by `crawl` and `sites`.
struct ConfigOption: ParsableArguments {
    static let defaultPath = "Config/sites.yaml"

    @Option(name: .long, help: "The sites file.")
    var config: String = ConfigOption.defaultPath

    /// Loads and validates the file; prints every problem (with its line) and exits 2 when invalid.
    func load() throws -> SitesFile { try Self.load(path: config) }

    /// The same for a path given some other way (fetch's optional --config).
    static func load(path config: String) throws -> SitesFile {
        do {
            return try SitesFileLoader.load(URL(fileURLWithPath: config))
        } catch let e as ConfigErrors {
            CLISupport.printError(e.description)
            CLISupport.printError("nianbao: \(config): \(e.errors.count) error(s)")
            throw ExitCode(2)
        } catch let e as ConfigError {
            CLISupport.printError(e.description)
            throw ExitCode(2)
        }
    }
}

/// Lists the configured sites; with --check, only validates the file (exit 2 on any error).
struct SitesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sites",
        abstract: "List or check the sites file (Config/sites.yaml).",
        discussion: "Every problem is reported as FILE:LINE: message. Exit 0 when valid, 2 when not.")

    @OptionGroup var configOption: ConfigOption

    @Flag(name: .long, help: "Validate the file and print a one-line verdict.")
    var check = false

    func run() async throws {
        let file = try configOption.load()
        let enabled = file.sites.filter(\.enabled).count
        if check {
            print("\(configOption.config): OK, \(file.sites.count) site(s), \(enabled) enabled")
            return
        }
        for s in file.sites {
            let flags = [s.enabled ? nil : "disabled", s.insecureTLS ? "insecure-tls" : nil].compactMap { $0 }
            let tail = flags.isEmpty ? "" : "  [\(flags.joined(separator: ", "))]"
            print("\(s.id)\t\(s.agency ?? "(from page)")\t\(s.startURLs.joined(separator: " "))\(tail)")
        }
    }
}
