import ArgumentParser
import Archiving
import Foundation

/// Check the archive's integrity: re-hash raw/, every capture's body present, every record's
/// source capture present, no stray temporary files, index.sqlite agrees with reports/.
/// Exit 0 when clean, 1 with the list of problems.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check the archive's integrity (exit 0 clean, 1 with a list of problems).")

    @OptionGroup var options: ArchiveOptions

    func run() async throws {
        // Opening an archive creates its folders; a mistyped --archive must not come out "clean".
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.archiveURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("no archive at \(options.archiveURL.path)")
        }
        let archive = try Archive(root: options.archiveURL)
        let report = try archive.verify()
        for w in report.warnings { CLISupport.printError("warning: \(w)") }
        for p in report.problems { print("problem: \(p)") }
        print("verify: \(report.rawObjects) raw object(s), \(report.captures) capture(s), \(report.reportVersions) report version(s): "
              + (report.isClean ? "clean" : "\(report.problems.count) problem(s)"))
        if !report.isClean { throw ExitCode(1) }
    }
}
