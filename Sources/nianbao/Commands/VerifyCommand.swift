import ArgumentParser

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check the archive's integrity.")

    func run() async throws {
        CLISupport.printError("nianbao verify: not implemented yet")
        throw ExitCode(1)
    }
}
