import Archiving
import Crawling
import Foundation
import NianbaoCore
import Pipeline
import Testing
import TestSupport

/// `CrawlDriver` end to end (lock, real Fetcher, Extractor → Parser, Archive versions) on a portal
/// whose reports are plain-text files: records appear, an unchanged re-crawl adds none, and an
/// agency's silent edit of one table cell becomes version 2 with exactly that cell diff.
extension CrawlNetworkTests {
@Suite(.serialized) struct CrawlPipelineTests {
    static let carriedOver = "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0"

    @Test func newRecordsThenAChangedVersionWithItsCellDiff() async throws {
        let portal = FixturePortal()
        portal.set("/robots.txt", .notFound)
        portal.set("/ndbg/index.html", .html(FixturePortals.listPage(title: "年报", items: [
            ("2023-jinshui.txt", "金水区司法局2023年政府信息公开工作年度报告", nil),
            ("2023-qinyuan.txt", "沁源县信访局2023年度政府信息公开年度报告", nil),
            ("budget.txt", "2024年部门预算", nil),
        ], script: nil, nav: nil)))
        let jinshui = try Fixtures.seedText("002")
        #expect(jinshui.contains(Self.carriedOver))
        portal.set("/ndbg/2023-jinshui.txt", .file(Data(jinshui.utf8), type: "text/plain; charset=utf-8"))
        portal.set("/ndbg/2023-qinyuan.txt", .file(Data(try Fixtures.seedText("003").utf8), type: "text/plain; charset=utf-8"))
        portal.set("/ndbg/budget.txt", .file(Data("预算".utf8), type: "text/plain"))
        let server = try FixtureServer(portal: portal, ip: "127.0.0.7")
        try await server.start()
        defer { Task { await server.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-pipeline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = SitesFile(defaults: CrawlDefaults(contact: "tests@example.org", delay: 0.1, maxAttempts: 1),
                             sites: [SiteConfig(id: "plain", startURLs: [server.url("/ndbg/index.html")], delay: 0.1)])
        let driver = CrawlDriver(sites: file, archiveRoot: dir)

        let first = try await driver.crawl()
        #expect(first.line == "sites 1, fetched 3, unchanged 0, new reports 2, changed reports 0, errors 0", "\(first.errorMessages)")
        #expect(!portal.hits.contains { $0.path == "/ndbg/budget.txt" })

        let second = try await driver.crawl()
        #expect(second.line == "sites 1, fetched 0, unchanged 3, new reports 0, changed reports 0, errors 0")

        // The agency edits one row of table 三: 上年结转 becomes 2 (自然人) and 2 (总计).
        let edited = jinshui.replacingOccurrences(of: Self.carriedOver,
                                                  with: "二、上年结转政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2")
        portal.set("/ndbg/2023-jinshui.txt", .file(Data(edited.utf8), type: "text/plain; charset=utf-8"))
        let third = try await driver.crawl()
        #expect(third.line == "sites 1, fetched 1, unchanged 2, new reports 0, changed reports 1, errors 0")

        let versions = FileManager.default.enumerator(at: dir.appendingPathComponent("reports"), includingPropertiesForKeys: nil)?
            .allObjects.compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(".v2.json") } ?? []
        #expect(versions.count == 1)
        let v2 = try JSONDecoder().decode(ReportRecord.self, from: Data(contentsOf: try #require(versions.first)))
        #expect(v2.agency == "金水区司法局")
        #expect(v2.archive?.version == 2)
        let diff = (v2.archive?.diff ?? []).sorted { $0.cell < $1.cell }
        #expect(diff == [CellChange(cell: "t3.carried_over.natural_person", from: 0, to: 2),
                         CellChange(cell: "t3.carried_over.total", from: 0, to: 2)])
        #expect(v2.source.site == "plain")
        #expect(v2.source.url == server.url("/ndbg/2023-jinshui.txt"))
    }
}
}
