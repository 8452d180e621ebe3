import ArgumentParser

struct RebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rebuild", abstract: "Re-extract and re-parse every raw capture, offline; regenerate reports/ and index.sqlite.")

    func run() async throws {
        CLISupport.printError("nianbao rebuild: not implemented yet")
        throw ExitCode(1)
    }
}
