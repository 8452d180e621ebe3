import ArgumentParser

struct SitesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sites", abstract: "Check Config/sites.yaml.")

    func run() async throws {
        CLISupport.printError("nianbao sites: not implemented yet")
        throw ExitCode(1)
    }
}
