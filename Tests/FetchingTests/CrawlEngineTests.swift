import Foundation
import Testing
@testable import Crawling
import NianbaoCore
import TestSupport

/// The crawl loop against fixture portals served in memory (no sockets): discovery, de-duplication,
/// wrappers, errors, and incremental re-crawls. The same portals over real HTTP are in CrawlHTTPTests.
extension CrawlNetworkTests {
@Suite struct CrawlEngineTests {
    struct Rig {
        let dir: URL
        let web: MemoryWeb
        let store: MemoryStore
        let handler = RecordingHandler()
        let crawler: Crawler
        let sites: [SiteConfig]
        let keys: [String: FixturePortals.AnswerKey]

        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-engine-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let (trs, trsKey) = try FixturePortals.trs()
            let (hanweb, hanwebKey) = try FixturePortals.hanweb()
            let (jiyue, jiyueKey) = try FixturePortals.jiyue()
            web = MemoryWeb(["trs.test": trs, "hanweb.test": hanweb, "jiyue.test": jiyue], bodyDirectory: dir)
            store = MemoryStore(root: dir)
            crawler = Crawler(fetcher: web, store: store, reports: handler)
            sites = [
                SiteConfig(id: "trs", startURLs: ["http://trs.test/xxgk/ndbg/index.shtml"]),
                SiteConfig(id: "hanweb", startURLs: ["http://hanweb.test/col/col123/index.html"]),
                SiteConfig(id: "jiyue", startURLs: ["http://jiyue.test/zfxxgk/ndbg/index.html"]),
            ]
            keys = ["trs.test": trsKey, "hanweb.test": hanwebKey, "jiyue.test": jiyueKey]
        }

        func portal(_ host: String) -> FixturePortal { web.portals[host]! }
    }

    @Test func findsEveryReportAndNoNoise() async throws {
        let rig = try Rig()
        defer { try? FileManager.default.removeItem(at: rig.dir) }
        let summary = await rig.crawler.crawl(rig.sites)
        for (host, key) in rig.keys {
            let requested = Set(rig.portal(host).hits.map(\.path))
            #expect(key.reports.isSubset(of: requested), "\(host): missing \(key.reports.subtracting(requested))")
            #expect(key.listPages.isSubset(of: requested), "\(host): list pages \(key.listPages.subtracting(requested))")
            #expect(requested.isDisjoint(with: key.neverRequested), "\(host): noise requested \(requested.intersection(key.neverRequested))")
        }
        #expect(summary.sites == 3)
        #expect(summary.listPages == 6)
        // trs: 2024, 2023 wrapper, 2022 (redirected), loop, the robots-disallowed one; hanweb: 3; jiyue: 3.
        #expect(summary.reportsFound == 5 + 3 + 3)
        // Records: trs 2024 page, 2023 PDF, 2022 GBK page; hanweb 000 and gzip 002 pages; jiyue 003 page.
        #expect(summary.newReports == 6)
        // Errors: loop; stall and the 60 MB attachment; the reset page and the wrapper's unreadable .docx.
        #expect(summary.errors == 5, "\(summary.errorMessages)")
        #expect(summary.skipped == 1)   // robots.txt Disallow
        #expect(rig.handler.handled.contains("http://trs.test/xxgk/ndbg/202401/P020240125.pdf"))
        // The page that is itself a report does not get its attachment parsed.
        #expect(!rig.handler.handled.contains("http://hanweb.test/art/2024/1/22/P0200_big.pdf"))
        // Duplicate link (with #top) fetched once.
        #expect(rig.portal("trs.test").hits.filter { $0.path == "/xxgk/ndbg/202501/t20250120_1001.html" }.count == 2) // 503 + 200
        #expect(summary.line == "sites 3, fetched \(summary.fetched), unchanged 0, new reports 6, changed reports 0, errors 5")
        #expect(summary.exitCode == 1)
    }

    @Test func secondCrawlOfUnchangedPortalDownloadsNothingNew() async throws {
        let rig = try Rig()
        defer { try? FileManager.default.removeItem(at: rig.dir) }
        _ = await rig.crawler.crawl(rig.sites)
        let before = rig.store.captures.count
        for p in rig.web.portals.values { p.resetHits() }
        let second = await rig.crawler.crawl(rig.sites)
        #expect(second.fetched == 0)
        #expect(second.newReports == 0 && second.changedReports == 0)
        let fresh = rig.store.captures[before...]
        // Whatever came back with a body (servers without validators) has a hash seen before.
        #expect(fresh.filter { $0.outcome == .fetched }.allSatisfy { c in rig.store.captures[..<before].contains { $0.sha256 == c.sha256 } })
        #expect(fresh.filter { $0.outcome == .notModified }.count > 0)
        // Every conditional request carried the ETag from the first crawl.
        let trsHits = rig.portal("trs.test").hits.filter { $0.path == "/xxgk/ndbg/index.shtml" }
        #expect(trsHits.count == 1 && trsHits[0].ifNoneMatch != nil && trsHits[0].status == 304)
        #expect(second.unchanged == 15)
    }

    @Test func aChangedReportBecomesANewVersion() async throws {
        let rig = try Rig()
        defer { try? FileManager.default.removeItem(at: rig.dir) }
        _ = await rig.crawler.crawl(rig.sites)
        let path = "/zfxxgk/ndbg/202401/t20240131_5.html"
        rig.portal("jiyue.test").set(path, .html(try FixturePortals.reportPage(
            seed: "003", title: "沁源县信访局2023年度政府信息公开年度报告",
            transform: { $0.replacingOccurrences(of: "2023年", with: "2023 年") })))
        let second = await rig.crawler.crawl(rig.sites)
        #expect(second.changedReports == 1)
        #expect(second.newReports == 0)
        #expect(second.fetched == 1)
    }

    @Test func dryRunListsReportsWithoutStoring() async throws {
        let rig = try Rig()
        defer { try? FileManager.default.removeItem(at: rig.dir) }
        let result = await rig.crawler.dryRun([rig.sites[2]])
        #expect(result.first?.reports.map(\.url) == ["http://jiyue.test/zfxxgk/ndbg/202401/t20240131_5.html",
                                                     "http://jiyue.test/zfxxgk/ndbg/202301/t20230131_3.html",
                                                     "http://jiyue.test/zfxxgk/ndbg/202201/t20220131_2.html"])
        #expect(rig.store.captures.isEmpty)
        #expect(rig.handler.handled.isEmpty)
    }
}
}
