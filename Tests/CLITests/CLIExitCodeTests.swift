import Foundation
import Testing
import TestSupport

@Suite struct CLIExitCodeTests {
    @Test func unknownOptionExitsTwo() async throws {
        let r = try await CLIRunner.run(["parse", "x.txt", "--no-such-option"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no-such-option"))
    }

    @Test func versionExitsZero() async throws {
        let r = try await CLIRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(!r.stdout.isEmpty)
    }
}

@Suite struct CLIHelpTests {
    @Test func helpListsEveryCommandAndExitsZero() async throws {
        let r = try await CLIRunner.run(["--help"])
        #expect(r.status == 0, "\(r.stderr)")
        for c in ["parse", "extract", "crawl", "fetch", "sites", "archive", "rebuild", "export", "verify"] {
            #expect(r.stdout.contains(c), "\(c)")
        }
    }

    @Test func helpForACommandShowsItsOptions() async throws {
        let r = try await CLIRunner.run(["help", "parse"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("--format"))
        let r2 = try await CLIRunner.run(["crawl", "--help"])
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(r2.stdout.contains("--dry-run"))
    }
}
