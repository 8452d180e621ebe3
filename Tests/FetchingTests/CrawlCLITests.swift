import Archiving
import Foundation
import Testing
import TestSupport

/// `crawl`, `fetch` and `sites` through the built binary: exit codes and output.
extension CrawlNetworkTests {
@Suite(.serialized) struct CrawlCLITests {
    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test func configErrorsExit2WithLines() async throws {
        let d = try tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let bad = d.appendingPathComponent("bad.yaml")
        try "defaults:\n  delay: fast\nsites:\n  - id: a\n    start_urls: [http://a.gov.cn/]\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try await runCLI(["crawl", "--config", bad.path, "--archive", d.appendingPathComponent("A").path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yaml:2: defaults: `delay` must be a number"))
        let check = try await runCLI(["sites", "--check", "--config", bad.path])
        #expect(check.status == 2)
        let missing = try await runCLI(["sites", "--check", "--config", d.appendingPathComponent("none.yaml").path])
        #expect(missing.status == 2 && missing.stderr.contains("cannot read"))
        let unknownSite = try await runCLI(["crawl", "--config", Fixtures.repoRoot.appendingPathComponent("Config/sites.yaml").path,
                                             "--site", "no-such-site", "--archive", d.appendingPathComponent("A").path])
        #expect(unknownSite.status == 2 && unknownSite.stderr.contains("unknown site id(s): no-such-site"))
        let ok = try await runCLI(["sites", "--check", "--config", Fixtures.repoRoot.appendingPathComponent("Config/sites.yaml").path])
        #expect(ok.status == 0 && ok.stdout.contains("OK"))
    }

    @Test func fetchArchivesAPageAndItsAttachment() async throws {
        let (portal, _) = try FixturePortals.trs(delay: 0.05)
        let server = try FixtureServer(portal: portal, ip: "127.0.0.6")
        try await server.start()
        defer { Task { await server.stop() } }
        let d = try tempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        let archiveDir = d.appendingPathComponent("A")
        let config = d.appendingPathComponent("sites.yaml")
        try "defaults:\n  contact: tests@example.org\n  delay: 0.05\nsites: []\n".write(to: config, atomically: true, encoding: .utf8)
        let url = server.url("/xxgk/ndbg/202401/t20240125_0700.html")
        let r = try await runCLI(["fetch", url, "--archive", archiveDir.path, "--no-parse", "--config", config.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("manual\t200\tfetched\t\(url)"))
        #expect(r.stdout.contains("attachment\t200\tfetched\t\(server.url("/xxgk/ndbg/202401/P020240125.pdf"))"))
        let captures = try Archive(root: archiveDir).captures()
        #expect(captures.map(\.kind) == ["manual", "attachment"])
        #expect(captures.allSatisfy { $0.site == "manual" })
        let bad = try await runCLI(["fetch", "ftp://x/y", "--archive", archiveDir.path])
        #expect(bad.status == 2)
        let gone = try await runCLI(["fetch", server.url("/nothing.html"), "--archive", archiveDir.path, "--no-parse",
                                      "--config", config.path])
        #expect(gone.status == 1 && gone.stderr.contains("HTTP 404"))
        // An explicit sites file that does not load is a config error, not silently ignored.
        let badConfig = d.appendingPathComponent("bad.yaml")
        try "defaults: {bogus: 1}\n".write(to: badConfig, atomically: true, encoding: .utf8)
        let invalid = try await runCLI(["fetch", url, "--archive", archiveDir.path, "--config", badConfig.path])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("bad.yaml:1"), "\(invalid.stderr)")
        let missing = try await runCLI(["fetch", url, "--archive", archiveDir.path, "--config", d.appendingPathComponent("none.yaml").path])
        #expect(missing.status == 2)
        // A fetch takes the crawl lock: while a crawl holds it, fetch exits 3 and stores nothing.
        let before = try Archive(root: archiveDir).captures().count
        let locked = try await Archive(root: archiveDir).withLock("crawl") {
            try await runCLI(["fetch", url, "--archive", archiveDir.path, "--no-parse", "--config", config.path])
        }
        #expect(locked.status == 3)
        #expect(locked.stderr.contains("crawl.lock"))
        #expect(try Archive(root: archiveDir).captures().count == before)
    }
}
}
