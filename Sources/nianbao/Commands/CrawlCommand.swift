import Archiving
import ArgumentParser
import Crawling
import Foundation
import Logging
import Pipeline

/// The scheduled job: every configured site, discover, fetch what changed, archive and parse.
///
/// Ends with one summary line on stdout: sites, fetched, unchanged, new reports, changed reports,
/// errors. Exit 0 when everything succeeded, 1 when some documents or sites failed (details in the
/// log and the captures), 2 for a usage or config error, 3 when another crawl holds state/crawl.lock.
struct CrawlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crawl",
        abstract: "Crawl every configured site: discover, fetch what changed, archive and parse.")

    @OptionGroup var configOption: ConfigOption
    @OptionGroup var archiveOptions: ArchiveOptions

    @Option(name: .customLong("site"), parsing: .upToNextOption, help: "Crawl only these site ids.")
    var sites: [String] = []

    @Flag(name: .customLong("dry-run"), help: "Read the list pages and print the report links found; store nothing.")
    var dryRun = false

    func run() async throws {
        let file = try configOption.load()
        let root = URL(fileURLWithPath: archiveOptions.archive ?? file.defaults.archive)
        let tty = CLISupport.stderrIsTTY
        var show: (@Sendable (CrawlProgress) -> Void)? = nil
        if tty { show = CrawlOutput.showProgress }
        let driver = CrawlDriver(sites: file, archiveRoot: root, logger: CrawlOutput.logger("nianbao.crawl"), progress: show)
        do {
            _ = try file.selecting(sites)
        } catch let e as ConfigError {
            CLISupport.printError("nianbao crawl: \(e.message)")
            throw ExitCode(2)
        }
        if dryRun {
            let result = try await driver.dryRun(siteIDs: sites)
            var total = CrawlSummary()
            for s in result {
                total.add(s.summary)
                print("site \(s.site): \(s.reports.count) report link(s)")
                for r in s.reports { print("  \(r.url)\t\(r.text)") }
                for e in s.excluded { print("  excluded (\(e.pattern)): \(e.text)") }
            }
            print("dry run: sites \(total.sites), list pages \(total.listPages), reports found \(total.reportsFound), errors \(total.errors)")
            if total.errors > 0 { throw ExitCode(1) }
            return
        }
        let summary: CrawlSummary
        do {
            summary = try await driver.crawl(siteIDs: sites)
        } catch ArchiveError.lockHeld {
            CLISupport.printError("nianbao crawl: another crawl is running (lock \(root.path)/state/crawl.lock is held); exiting")
            throw ExitCode(3)
        }
        if tty { CrawlOutput.progressDone() }
        for m in summary.errorMessages.prefix(50) { CLISupport.printError("error: \(m)") }
        if summary.errorMessages.count > 50 { CLISupport.printError("… and \(summary.errorMessages.count - 50) more errors") }
        print(summary.line)
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}

/// Logging and progress output of `crawl` and `fetch`: logs go to stderr (level from NIANBAO_LOG,
/// default notice), progress is one rewritten stderr line on a terminal, results go to stdout.
enum CrawlOutput {
    static func logger(_ label: String) -> Logger {
        var l = Logger(label: label, factory: { StreamLogHandler.standardError(label: $0) })
        let level = ProcessInfo.processInfo.environment["NIANBAO_LOG"].flatMap(Logger.Level.init(rawValue:))
        l.logLevel = level ?? .notice
        return l
    }

    @Sendable static func showProgress(_ p: CrawlProgress) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(p.line)".utf8))
    }

    static func progressDone() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
