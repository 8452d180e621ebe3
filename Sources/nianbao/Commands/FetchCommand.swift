import Archiving
import ArgumentParser
import Crawling
import Foundation
import Pipeline

/// The one-off: fetch one page or attachment into the archive and parse it, like a crawl would.
/// A page that only wraps an attachment has its report parsed from the attachment.
/// Exit 0 when fetched (and, unless --no-parse, a report was stored), 1 otherwise, 2 for a bad URL or
/// an invalid sites file, 3 when a crawl or rebuild holds the archive.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fetch", abstract: "Fetch one URL into the archive and parse it.")

    @Argument(help: "The page or file URL (http or https).")
    var url: String

    @OptionGroup var archiveOptions: ArchiveOptions

    @Option(name: .long, help: "The agency's name, when the report does not state it clearly.")
    var agency: String?

    @Flag(name: .customLong("no-parse"), help: "Archive the bytes only.")
    var noParse = false

    @Option(name: .long, help: "Sites file whose defaults (contact, archive, size cap, timeouts) apply; Config/sites.yaml when it exists.")
    var config: String?

    func validate() throws {
        let scheme = URL(string: url)?.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", URL(string: url)?.host != nil else {
            throw ValidationError("'\(url)' is not an absolute http(s) URL")
        }
    }

    func run() async throws {
        // An explicit --config must load; the default file applies when present. Invalid → exit 2.
        var defaults = CrawlDefaults()
        let path = config ?? ConfigOption.defaultPath
        if config != nil || FileManager.default.fileExists(atPath: path) {
            defaults = try ConfigOption.load(path: path).defaults
        }
        let root = URL(fileURLWithPath: archiveOptions.archive ?? defaults.archive)
        let driver = FetchDriver(archiveRoot: root, defaults: defaults, logger: CrawlOutput.logger("nianbao.fetch"))
        let result: FetchDriver.Result
        do {
            result = try await driver.fetch(url, agency: agency, parse: !noParse)
        } catch ArchiveError.lockHeld {
            CLISupport.printError("nianbao fetch: a crawl or rebuild is running (lock \(root.path)/state/crawl.lock is held); exiting")
            throw ExitCode(3)
        }
        for c in result.captures {
            let what = c.sha256.map { "sha256 \($0.prefix(12))…, \(c.size ?? 0) bytes" } ?? (c.error ?? "")
            print("\(c.kind ?? "-")\t\(c.status.map(String.init) ?? "-")\t\(c.outcome.rawValue)\t\(c.url)\t\(what)")
        }
        for m in result.summary.errorMessages { CLISupport.printError("error: \(m)") }
        let s = result.summary
        print("fetched \(s.fetched), unchanged \(s.unchanged), new reports \(s.newReports), changed reports \(s.changedReports), errors \(s.errors)")
        let gotBody = s.fetched + s.unchanged > 0
        if !gotBody || s.errors > 0 { throw ExitCode(1) }
    }
}
