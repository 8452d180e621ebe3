import ArgumentParser

struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parse", abstract: "Parse report files (.txt, .html, .pdf, .docx, .doc) into JSON records.")

    func run() async throws {
        CLISupport.printError("nianbao parse: not implemented yet")
        throw ExitCode(1)
    }
}
