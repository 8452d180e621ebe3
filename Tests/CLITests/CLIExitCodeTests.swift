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
