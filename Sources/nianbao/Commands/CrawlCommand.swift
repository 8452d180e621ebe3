import ArgumentParser

struct CrawlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crawl", abstract: "Crawl every configured site: discover, fetch what changed, archive and parse.")

    func run() async throws {
        CLISupport.printError("nianbao crawl: not implemented yet")
        throw ExitCode(1)
    }
}
