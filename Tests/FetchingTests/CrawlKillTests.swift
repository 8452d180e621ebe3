import Archiving
import Foundation
import NianbaoCore
import Testing
import TestSupport

/// SIGKILL a running `nianbao crawl` (the built binary, as a child process) midway: raw/ holds
/// no partial file, the captures log still parses, the next crawl completes, and verify is clean.
extension CrawlNetworkTests {
@Suite(.serialized) struct CrawlKillTests {
    static func bigPortal(pages: Int) throws -> FixturePortal {
        let p = FixturePortal()
        p.set("/robots.txt", .init(headers: [("Content-Type", "text/plain")], body: Data("User-agent: *\nAllow: /\n".utf8)))
        let items = (1...pages).map { ("./d/t\($0).html", "某局\(2000 + $0)年政府信息公开工作年度报告", Optional<String>.none) }
        p.set("/ndbg/index.html", .html(FixturePortals.listPage(title: "年报", items: items, script: nil, nav: nil)))
        for i in 1...pages {
            let filler = String(repeating: "<p>第\(i)页 政府信息公开 填充文字。</p>", count: 3000)
            p.set("/ndbg/d/t\(i).html", .html("<html><body><h1>某局\(2000 + i)年政府信息公开工作年度报告</h1>\(filler)</body></html>"))
        }
        return p
    }

    @Test func killedCrawlLeavesAConsistentArchive() async throws {
        let server = try FixtureServer(portal: try Self.bigPortal(pages: 30), ip: "127.0.0.5")
        try await server.start()
        defer { Task { await server.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("sites.yaml")
        try """
        defaults:
          contact: tests@example.org
          delay: 0.1
        sites:
          - id: kill
            start_urls: [\(server.url("/ndbg/index.html"))]
        """.write(to: config, atomically: true, encoding: .utf8)
        let archiveDir = dir.appendingPathComponent("Archive")

        let p = Process()
        p.executableURL = CLIRunner.binary
        p.arguments = ["crawl", "--config", config.path, "--archive", archiveDir.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait until some bodies are in raw/, then kill mid-crawl.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if server.portal.hits.count >= 8 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        kill(p.processIdentifier, SIGKILL)
        await waitForExit(p)
        #expect(p.terminationReason == .uncaughtSignal)
        #expect(server.portal.hits.count < 32, "the crawl finished before it was killed")

        let archive = try Archive(root: archiveDir)
        let prefixes = try FileManager.default.contentsOfDirectory(atPath: archive.rawDirectory.path)
        #expect(!prefixes.isEmpty, "the crawl stored nothing before it was killed")
        for prefix in prefixes {
            for name in try FileManager.default.contentsOfDirectory(atPath: archive.rawDirectory.appendingPathComponent(prefix).path) {
                let f = archive.rawDirectory.appendingPathComponent(prefix).appendingPathComponent(name)
                #expect(try SHA256.hex(fileAt: f) == name, "partial or foreign file in raw/: \(name)")
            }
        }
        let log = try archive.readCaptureLog()
        let allTorn = log.badLines.allSatisfy { $0.torn }
        #expect(allTorn, "corrupt captures lines: \(log.badLines)")
        #expect(!log.captures.isEmpty)

        let again = try await runCLI(["crawl", "--config", config.path, "--archive", archiveDir.path], timeout: 60)
        #expect(again.status == 0 || again.status == 1, "\(again.stderr)")
        #expect(again.stdout.contains("sites 1, fetched"), "\(again.stdout)")
        let total = try archive.captures().filter { $0.outcome == .fetched || $0.outcome == .notModified }
        #expect(Set(total.map(\.url)).count == 31)
        let verify = try await runCLI(["verify", "--archive", archiveDir.path])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func secondRunWhileLockedExits3() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = try Archive(root: dir.appendingPathComponent("Archive"))
        let config = dir.appendingPathComponent("sites.yaml")
        try "sites:\n  - id: x\n    start_urls: [http://127.0.0.1:9/]\n".write(to: config, atomically: true, encoding: .utf8)
        try await archive.withLock("crawl") {
            let r = try await runCLI(["crawl", "--config", config.path, "--archive", archive.root.path])
            #expect(r.status == 3)
            #expect(r.stderr.contains("another crawl is running"))
        }
    }
}
}
