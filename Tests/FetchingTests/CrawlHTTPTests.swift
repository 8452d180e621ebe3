import Archiving
import Foundation
import Logging
import NianbaoCore
import Testing
@testable import Crawling
@testable import Pipeline
import Fetching
import TestSupport

/// The crawler through the real Fetcher (libcurl) and the real Archive, against fixture portals
/// served over HTTP on 127.0.0.2–4: robots, delays, 503/Retry-After, redirects, loop, stall,
/// reset, gzip, 304, the size cap, a lying charset header, duplicates, TRS/Hanweb/集约化 lists.
extension CrawlNetworkTests {
@Suite(.serialized) struct CrawlHTTPTests {
    final class Rig: @unchecked Sendable {
        let dir: URL
        let archive: Archive
        let servers: [String: FixtureServer]
        let keys: [String: FixturePortals.AnswerKey]
        let sites: [SiteConfig]
        let defaults: CrawlDefaults
        let handler = RecordingHandler()

        /// `hugeBytes`: the Hanweb attachment's size; `cap`: the size cap of every site.
        init(hugeBytes: Int = 6 << 20, cap: Int = 5 << 20) async throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-http-\(UUID().uuidString)")
            archive = try Archive(root: dir)
            let (trs, trsKey) = try FixturePortals.trs(delay: 0.25)
            let (hanweb, hanwebKey) = try FixturePortals.hanweb(hugeBytes: hugeBytes, stallSeconds: 3)
            let (jiyue, jiyueKey) = try FixturePortals.jiyue()
            var s: [String: FixtureServer] = [:]
            s["trs"] = try FixtureServer(portal: trs, ip: "127.0.0.2")
            s["hanweb"] = try FixtureServer(portal: hanweb, ip: "127.0.0.3")
            s["jiyue"] = try FixtureServer(portal: jiyue, ip: "127.0.0.4")
            for server in s.values { try await server.start() }
            servers = s
            keys = ["trs": trsKey, "hanweb": hanwebKey, "jiyue": jiyueKey]
            sites = [
                SiteConfig(id: "trs", startURLs: [s["trs"]!.url("/xxgk/ndbg/index.shtml")], delay: 0.1, maxBytes: cap),
                SiteConfig(id: "hanweb", startURLs: [s["hanweb"]!.url("/col/col123/index.html")], delay: 0.2, maxBytes: cap),
                SiteConfig(id: "jiyue", startURLs: [s["jiyue"]!.url("/zfxxgk/ndbg/index.html")], delay: 0.2, maxBytes: cap),
            ]
            defaults = CrawlDefaults(contact: "tests@example.org", archive: dir.path, delay: 0.2, connectTimeout: 2,
                                     totalTimeout: 0.8, maxAttempts: 2, retryBaseDelay: 0.05)
        }

        /// One crawl with the real Fetcher and Archive store; `handler` stands in for the parser.
        func crawl(handler: (any ReportHandling)? = nil) async throws -> CrawlSummary {
            let bodies = archive.tempDirectory.appendingPathComponent("crawl")
            try FileManager.default.createDirectory(at: bodies, withIntermediateDirectories: true)
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let fetcher = Fetcher(userAgent: Fetcher.userAgent(contact: defaults.contact), bodyDirectory: bodies, logger: logger)
            defer { fetcher.shutdown() }
            let crawler = Crawler(fetcher: FetcherPageSource(fetcher: fetcher, defaults: defaults),
                                  store: try CrawlArchiveStore(archive: archive), reports: handler ?? self.handler, logger: logger)
            return await crawler.crawl(sites)
        }

        /// Removes the archive at once and stops the servers in the background (callable from `defer`).
        func stop() {
            try? FileManager.default.removeItem(at: dir)
            let all = Array(servers.values)
            Task { for s in all { await s.stop() } }
        }

        var rawFiles: [URL] {
            let e = FileManager.default.enumerator(at: archive.rawDirectory, includingPropertiesForKeys: [.fileSizeKey])
            return (e?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath && (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true }
        }
    }

    @Test func crawlFindsEveryReportPolitely() async throws {
        let rig = try await Rig()
        defer { rig.stop() }
        let summary = try await rig.crawl()
        for (name, key) in rig.keys {
            let hits = rig.servers[name]!.portal.hits
            let requested = Set(hits.map(\.path))
            #expect(key.reports.isSubset(of: requested), "\(name): missing \(key.reports.subtracting(requested))")
            #expect(key.listPages.isSubset(of: requested), "\(name): list pages missing")
            #expect(requested.isDisjoint(with: key.neverRequested), "\(name): requested \(requested.intersection(key.neverRequested))")
            #expect(hits.allSatisfy { $0.userAgent?.hasPrefix("nianbao/") == true && $0.userAgent!.contains("tests@example.org") })
        }
        #expect(summary.reportsFound == 11)
        #expect(summary.newReports == 6, "\(summary.errorMessages)")
        #expect(summary.skipped == 1)
        #expect(summary.errors == 5, "\(summary.errorMessages)")

        let captures = try rig.archive.captures()
        // robots.txt: the Disallowed report is a skipped capture and was never requested.
        let privateCapture = captures.first { $0.url.hasSuffix("/private/t20240101_1.html") }
        #expect(privateCapture?.outcome == .skipped)
        #expect(privateCapture?.error?.contains("robots.txt") == true)
        // Delay: Crawl-delay 0.25 beats the site's 0.1 on TRS; 0.2 elsewhere. A capture's fetched_at is
        // when its first request went on the wire, so consecutive captures of a host are ≥ one delay
        // apart. (The in-process server's own arrival stamps are no proof: they carry however long
        // the loaded test process took to schedule the server.)
        for (name, delay) in [("trs", 0.25), ("hanweb", 0.2), ("jiyue", 0.2)] {
            let origin = rig.servers[name]!.origin
            let sent = captures.filter { $0.url.hasPrefix(origin) && $0.outcome != .skipped }
                .compactMap { Timestamps.parse($0.fetchedAt) }.sorted()
            let capGaps = zip(sent.dropFirst(), sent).map { $0.timeIntervalSince($1) }
            #expect(capGaps.count >= 4 && capGaps.allSatisfy { $0 >= delay - 0.005 }, "\(name): capture gaps \(capGaps)")
        }
        // 503 + Retry-After: 1, then 200.
        let r2024 = rig.servers["trs"]!.portal.hits.filter { $0.path == "/xxgk/ndbg/202501/t20250120_1001.html" }
        #expect(r2024.map(\.status) == [503, 200])
        if r2024.count == 2 { #expect(r2024[1].at.timeIntervalSince(r2024[0].at) >= 0.95) }
        // Redirect chain recorded; loop is an error.
        let redirected = captures.first { $0.url.hasSuffix("/old/2022.html") }
        #expect(redirected?.redirectChain.map { URL(string: $0)!.path } == ["/xxgk/ndbg/old/2022.html", "/xxgk/ndbg/moved/2022.html",
                                                                               "/xxgk/ndbg/202301/t20230120_0600.html"])
        #expect(captures.first { $0.url.hasSuffix("/loop/a.html") }?.outcome == .error)
        // Stall, reset, over-cap: errors, and nothing partial in raw/ or the body directory.
        for suffix in ["/art_123_9.html", "/t20220131_2.html", "/P0200_big.pdf"] {
            #expect(captures.first { $0.url.hasSuffix(suffix) }?.outcome == .error, "\(suffix)")
        }
        for f in rig.rawFiles {
            #expect(try SHA256.hex(fileAt: f) == f.lastPathComponent)
            #expect(((try? f.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) < 5 << 20)
        }
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: rig.archive.tempDirectory.appendingPathComponent("crawl").path)) ?? []
        #expect(leftovers.isEmpty, "\(leftovers)")
        // gzip arrived decoded; the GBK page with a lying header decoded as a report.
        #expect(rig.handler.handled.contains { $0.hasSuffix("/art_123_2.html") })
        #expect(rig.handler.handled.contains { $0.hasSuffix("/old/2022.html") })
    }

    @Test func secondCrawlOfUnchangedPortalsDownloadsNothingNew() async throws {
        let rig = try await Rig()
        defer { rig.stop() }
        _ = try await rig.crawl()
        let first = try rig.archive.captures()
        let rawBefore = Set(rig.rawFiles.map(\.lastPathComponent))
        let second = try await rig.crawl()
        let fresh = try rig.archive.captures().dropFirst(first.count)
        #expect(second.fetched == 0)
        #expect(second.newReports == 0 && second.changedReports == 0)
        #expect(second.unchanged == 15)
        for c in fresh where c.outcome == .fetched && (200..<300).contains(c.status ?? 0) {
            #expect(first.last { $0.url == c.url && $0.sha256 != nil }?.sha256 == c.sha256, "\(c.url) changed")
        }
        #expect(fresh.filter { $0.outcome == .notModified }.count >= 12)
        #expect(Set(rig.rawFiles.map(\.lastPathComponent)) == rawBefore)
    }

    @Test func changedReportIsFetchedAgain() async throws {
        let rig = try await Rig()
        defer { rig.stop() }
        _ = try await rig.crawl()
        rig.servers["jiyue"]!.portal.set("/zfxxgk/ndbg/202401/t20240131_5.html", .html(try FixturePortals.reportPage(
            seed: "003", title: "沁源县信访局2023年度政府信息公开年度报告", transform: { $0.replacingOccurrences(of: "2023年", with: "2023 年") })))
        let second = try await rig.crawl()
        #expect(second.fetched == 1)
        #expect(second.changedReports == 1)
    }

    /// The real thing: a 60 MB attachment against the default 50 MB cap (its own test, so the
    /// transfer does not disturb the timing checks above).
    @Test func sixtyMegabyteAttachmentIsRefusedByTheCap() async throws {
        let rig = try await Rig(hugeBytes: 60 << 20, cap: 50 << 20)
        defer { rig.stop() }
        let summary = try await rig.crawl()
        let captures = try rig.archive.captures()
        let big = captures.first { $0.url.hasSuffix("/P0200_big.pdf") }
        #expect(big?.outcome == .error)
        #expect(big?.sha256 == nil)
        #expect(summary.errorMessages.contains { $0.contains("P0200_big.pdf") })
        for f in rig.rawFiles {
            #expect(((try? f.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0) < 50 << 20, "\(f.lastPathComponent)")
        }
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: rig.archive.tempDirectory.appendingPathComponent("crawl").path)) ?? []
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// The whole pipeline (HTML, GBK, gzip, PDF extraction, parser, archive versions) on the three
    /// portals: one record per report, then an edited HTML report becomes version 2 with its diff.
    @Test func realPipelineRecordsEveryReportAndVersionsAnEdit() async throws {
        let rig = try await Rig()
        defer { rig.stop() }
        let first = try await rig.crawl(handler: CrawlReportHandler(archive: rig.archive))
        #expect(first.newReports == 6, "\(first.errorMessages)")
        #expect(first.errors == 5, "\(first.errorMessages)")
        let records = try Self.records(in: rig.archive)
        let sources = Set(records.compactMap { $0.source.url.flatMap { URL(string: $0)?.path } })
        #expect(sources == ["/xxgk/ndbg/202501/t20250120_1001.html", "/xxgk/ndbg/202401/P020240125.pdf", "/xxgk/ndbg/old/2022.html",
                            "/art/2024/1/20/art_123_1.html", "/art/2024/1/22/art_123_2.html", "/zfxxgk/ndbg/202401/t20240131_5.html"])
        #expect(Set(records.compactMap(\.agency)).isSuperset(of: ["通化市信访局", "涧西区人民政府办公室", "川汇区信访局", "金水区司法局", "沁源县信访局"]))

        let row = "二、上年结转政府信息公开申请数量\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0\n\t0"
        #expect(try Fixtures.seedText("003").contains(row))
        rig.servers["jiyue"]!.portal.set("/zfxxgk/ndbg/202401/t20240131_5.html", .html(try FixturePortals.reportPage(
            seed: "003", title: "沁源县信访局2023年度政府信息公开年度报告",
            transform: { $0.replacingOccurrences(of: row, with: "二、上年结转政府信息公开申请数量\n\t3\n\t0\n\t0\n\t0\n\t0\n\t0\n\t3") })))
        let second = try await rig.crawl(handler: CrawlReportHandler(archive: rig.archive))
        #expect(second.changedReports == 1 && second.newReports == 0 && second.fetched == 1, "\(second.line)")
        let v2 = try Self.records(in: rig.archive).filter { $0.archive?.version == 2 }
        #expect(v2.map(\.agency) == ["沁源县信访局"])
        #expect((v2.first?.archive?.diff ?? []).sorted { $0.cell < $1.cell } == [
            CellChange(cell: "t3.carried_over.natural_person", from: 0, to: 3),
            CellChange(cell: "t3.carried_over.total", from: 0, to: 3)])
    }

    static func records(in archive: Archive) throws -> [ReportRecord] {
        let files = FileManager.default.enumerator(at: archive.reportsDirectory, includingPropertiesForKeys: nil)?
            .allObjects.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
        return try files.map { try JSONDecoder().decode(ReportRecord.self, from: Data(contentsOf: $0)) }
    }
}
}
