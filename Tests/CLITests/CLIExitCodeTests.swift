import Foundation
import Testing
import TestSupport

@Suite struct CLIExitCodeTests {
    @Test func unknownOptionExitsTwo() throws {
        let r = try CLIRunner.run(["parse", "x.txt", "--no-such-option"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no-such-option"))
    }

    @Test func versionExitsZero() throws {
        let r = try CLIRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(!r.stdout.isEmpty)
    }
}
