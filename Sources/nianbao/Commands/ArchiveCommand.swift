import ArgumentParser

struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "archive", abstract: "Work with the archive directly (archive add FILE --url URL).")

    func run() async throws {
        CLISupport.printError("nianbao archive: not implemented yet")
        throw ExitCode(1)
    }
}
