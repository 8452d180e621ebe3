import ArgumentParser

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the archive as CSV, JSON Lines or SQLite.")

    func run() async throws {
        CLISupport.printError("nianbao export: not implemented yet")
        throw ExitCode(1)
    }
}
