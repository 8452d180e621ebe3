import ArgumentParser

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fetch", abstract: "Fetch one URL into the archive and parse it.")

    func run() async throws {
        CLISupport.printError("nianbao fetch: not implemented yet")
        throw ExitCode(1)
    }
}
