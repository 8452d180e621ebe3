import ArgumentParser
import Foundation
import NianbaoCore

/// nianbao: finds, archives and parses 政府信息公开工作年度报告.
@main
struct Nianbao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Crawl, archive and parse Chinese government information-disclosure annual reports (政府信息公开工作年度报告).",
        version: NianbaoVersion.string,
        subcommands: [
            ParseCommand.self, ExtractCommand.self,
            CrawlCommand.self, FetchCommand.self, SitesCommand.self,
            ArchiveCommand.self, RebuildCommand.self, ExportCommand.self, VerifyCommand.self,
        ]
    )

    /// Exit codes: 0 success, 1 partial failure (some documents failed), 2 usage or config error,
    /// 3 lock held. ArgumentParser's own usage errors (64) are mapped to 2.
    static func main() async {
        CLISupport.prepareProcess()
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }   // --help, --version
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var c = command
                try c.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as ValidationError {
            FileHandle.standardError.write(Data("nianbao: \(error)\n".utf8))
            Foundation.exit(2)
        } catch {
            // ArgumentParser's own outcomes thrown from run(): `--help` / `help <command>` (exit 0),
            // its usage errors (mapped to 2).
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            FileHandle.standardError.write(Data("nianbao: \(error)\n".utf8))
            Foundation.exit(1)
        }
        Foundation.exit(0)
    }
}
