import ArgumentParser

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Print the extracted Document of a file (metadata, blocks, table grids), for debugging.")

    func run() async throws {
        CLISupport.printError("nianbao extract: not implemented yet")
        throw ExitCode(1)
    }
}
