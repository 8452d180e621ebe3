import Archiving
import Crawling
import Foundation
import NianbaoCore
import Pipeline
import Testing
import TestSupport

/// An unchanged re-crawl moves each report's last-seen to the second crawl's capture (a 304 and a
/// same-sha256 re-fetch alike), and `nianbao rebuild` of the crawled archive then gives byte-identical
/// reports/ files, exiting 0 although the archive holds a detail page that only wraps its PDF.
extension CrawlNetworkTests {
@Suite(.serialized) struct CrawlRevisitTests {
    @Test func unchangedRecrawlMovesLastSeenAndRebuildReproducesTheArchive() async throws {
        let portal = FixturePortal()
        portal.set("/robots.txt", .notFound)
        portal.set("/ndbg/index.html", .html(FixturePortals.listPage(title: "年报", items: [
            ("2023-jinshui.txt", "金水区司法局2023年政府信息公开工作年度报告", nil),
            ("2023-qinyuan.txt", "沁源县信访局2023年度政府信息公开年度报告", nil),
            ("wrap.html", "淮安市2024年政府信息公开工作年度报告", nil),
        ], script: nil, nav: nil)))
        // With ETag/Last-Modified: the second crawl gets a 304.
        portal.set("/ndbg/2023-jinshui.txt", .file(Data(try Fixtures.seedText("002").utf8), type: "text/plain; charset=utf-8"))
        // Without validators: the second crawl fetches the same bytes again (same sha256).
        var qinyuan = FixturePortal.Response.file(Data(try Fixtures.seedText("003").utf8), type: "text/plain; charset=utf-8")
        qinyuan.validators = false
        portal.set("/ndbg/2023-qinyuan.txt", qinyuan)
        // A detail page that only wraps its report (a PDF): the page itself is not a report.
        portal.set("/ndbg/wrap.html", .html(FixturePortals.wrapperPage(title: "淮安市2024年政府信息公开工作年度报告", file: "/ndbg/huaian.pdf")))
        let pdf = try Data(contentsOf: Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf"))
        portal.set("/ndbg/huaian.pdf", .file(pdf, type: "application/pdf"))
        let server = try FixtureServer(portal: portal, ip: "127.0.0.8")
        try await server.start()
        defer { Task { await server.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-revisit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let driver = Self.driver(server, id: "revisit", archive: dir)

        let first = try await driver.crawl()
        #expect(first.line == "sites 1, fetched 5, unchanged 0, new reports 3, changed reports 0, errors 0", "\(first.errorMessages)")
        let second = try await driver.crawl()
        #expect(second.line == "sites 1, fetched 0, unchanged 5, new reports 0, changed reports 0, errors 0", "\(second.errorMessages)")

        // The captures log, by URL, in order: the answer key for first/last seen.
        let captures = try Archive(root: dir).captures()
        func visits(_ path: String) -> [Capture] { captures.filter { $0.url == server.url(path) } }
        let jinshui = visits("/ndbg/2023-jinshui.txt"), qin = visits("/ndbg/2023-qinyuan.txt"), huaian = visits("/ndbg/huaian.pdf")
        #expect(jinshui.map(\.outcome) == [.fetched, .notModified])
        #expect(qin.map(\.outcome) == [.fetched, .fetched] && qin[0].sha256 == qin[1].sha256)
        #expect(huaian.map(\.outcome) == [.fetched, .notModified])

        let records = try Self.currentRecords(dir)
        #expect(records.count == 3)
        for (path, seen) in [("/ndbg/2023-jinshui.txt", jinshui), ("/ndbg/2023-qinyuan.txt", qin), ("/ndbg/huaian.pdf", huaian)] {
            let r = try #require(records.first { $0.source.url == server.url(path) }, "no record from \(path)")
            #expect(r.archive?.version == 1)
            #expect(r.archive?.firstSeen == seen[0].fetchedAt, "\(path)")
            #expect(r.archive?.lastSeen == seen[1].fetchedAt, "\(path): last_seen must be the second crawl's capture")
            #expect(seen[0].fetchedAt < seen[1].fetchedAt)
            #expect(r.source.captureID == seen[0].id)
        }
        // The index row moved with the file.
        let lastSeen = try Self.indexLastSeen(dir)
        #expect(lastSeen[server.url("/ndbg/2023-jinshui.txt")] == jinshui[1].fetchedAt)
        #expect(lastSeen[server.url("/ndbg/2023-qinyuan.txt")] == qin[1].fetchedAt)

        // The real acceptance test: a rebuild reproduces the incrementally built reports/ byte for byte.
        let before = try Self.reportHashes(dir)
        #expect(before.count == 6)   // 3 reports × (.json + .txt)
        let rebuild = try await runCLI(["rebuild", "--archive", dir.path, "--jobs", "2"])
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        #expect(rebuild.stdout.contains("rebuilt 3 report(s), 3 version(s)"), "\(rebuild.stdout)")
        #expect(rebuild.stdout.contains("; 1 not a report; 0 document(s) skipped"), "\(rebuild.stdout)")
        #expect(rebuild.stderr.contains("not a report: \(server.url("/ndbg/wrap.html"))"), "\(rebuild.stderr)")
        #expect(!rebuild.stderr.contains("skipped:"), "\(rebuild.stderr)")
        #expect(try Self.reportHashes(dir) == before)
        let verify = try await runCLI(["verify", "--archive", dir.path])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    /// A wrapper page whose own bytes change (a hit counter, a new date) around an unchanged PDF is
    /// not a crawl error: the report is the PDF, archived already. A page that is not a report and
    /// has no attachment at all still is one.
    @Test func aWrapperPageChangingAroundAnUnchangedPDFIsNotAnError() async throws {
        let portal = FixturePortal()
        portal.set("/robots.txt", .notFound)
        portal.set("/ndbg/index.html", .html(FixturePortals.listPage(title: "年报", items: [
            ("wrap.html", "淮安市2024年政府信息公开工作年度报告", nil),
            ("empty.html", "某某局2024年政府信息公开工作年度报告", nil),
        ], script: nil, nav: nil)))
        let wrapper = FixturePortals.wrapperPage(title: "淮安市2024年政府信息公开工作年度报告", file: "/ndbg/huaian.pdf")
        portal.set("/ndbg/wrap.html", .html(wrapper))
        portal.set("/ndbg/empty.html", .html("<html><head><meta charset=\"utf-8\"><title>某某局</title></head><body><p>页面维护中。</p></body></html>"))
        let pdf = try Data(contentsOf: Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf"))
        portal.set("/ndbg/huaian.pdf", .file(pdf, type: "application/pdf"))
        let server = try FixtureServer(portal: portal, ip: "127.0.0.8")
        try await server.start()
        defer { Task { await server.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-wrapper-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let driver = Self.driver(server, id: "wrapper", archive: dir)

        let first = try await driver.crawl()
        #expect(first.newReports == 1)
        #expect(first.errorMessages.count == 1)
        #expect(first.errorMessages.first?.contains(server.url("/ndbg/empty.html")) == true, "\(first.errorMessages)")

        // The wrapper's hit counter moves; the PDF does not.
        portal.set("/ndbg/wrap.html", .html(wrapper.replacingOccurrences(of: "详见附件。", with: "详见附件。点击数：2")))
        let second = try await driver.crawl()
        #expect(second.newReports == 0 && second.changedReports == 0)
        let wrapErrors = second.errorMessages.filter { $0.contains(server.url("/ndbg/wrap.html")) }
        #expect(wrapErrors.isEmpty, "\(wrapErrors)")
        #expect(second.errorMessages.isEmpty, "\(second.errorMessages)")   // empty.html is unchanged: not read again
        let all = try Archive(root: dir).captures()
        let captures = all.filter { $0.url == server.url("/ndbg/wrap.html") }
        #expect(captures.map(\.outcome) == [.fetched, .fetched] && captures[0].sha256 != captures[1].sha256)
        // The PDF was asked for again on the second crawl, and had not changed.
        #expect(all.filter { $0.url == server.url("/ndbg/huaian.pdf") }.map(\.outcome) == [.fetched, .notModified])
    }

    /// A detail page served as application/octet-stream (misconfigured CMSs do this) is still a
    /// page: the crawler decides as the Extractor does, by the bytes, and follows its attachment.
    @Test func aDetailPageServedAsOctetStreamIsStillAPage() async throws {
        let portal = FixturePortal()
        portal.set("/robots.txt", .notFound)
        portal.set("/ndbg/index.html", .html(FixturePortals.listPage(title: "年报", items: [
            ("wrap.html", "淮安市2024年政府信息公开工作年度报告", nil),
        ], script: nil, nav: nil)))
        let wrapper = FixturePortals.wrapperPage(title: "淮安市2024年政府信息公开工作年度报告", file: "/ndbg/huaian.pdf")
        portal.set("/ndbg/wrap.html", .file(Data(wrapper.utf8), type: "application/octet-stream"))
        let pdf = try Data(contentsOf: Fixtures.shared.appendingPathComponent("samples/huaian-city-2024.pdf"))
        portal.set("/ndbg/huaian.pdf", .file(pdf, type: "application/pdf"))
        let server = try FixtureServer(portal: portal, ip: "127.0.0.8")
        try await server.start()
        defer { Task { await server.stop() } }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crawl-octet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let summary = try await Self.driver(server, id: "octet", archive: dir).crawl()
        #expect(summary.newReports == 1, "\(summary.errorMessages)")
        #expect(summary.errorMessages.isEmpty, "\(summary.errorMessages)")
        let records = try Self.currentRecords(dir)
        #expect(records.map(\.source.url) == [server.url("/ndbg/huaian.pdf")])
    }

    /// A crawl of one site starting at the server's /ndbg/index.html, archived in `dir`.
    static func driver(_ server: FixtureServer, id: String, archive dir: URL) -> CrawlDriver {
        let file = SitesFile(defaults: CrawlDefaults(contact: "tests@example.org", delay: 0.1, maxAttempts: 1),
                             sites: [SiteConfig(id: id, startURLs: [server.url("/ndbg/index.html")], delay: 0.1)])
        return CrawlDriver(sites: file, archiveRoot: dir)
    }

    /// The current version of every report under reports/.
    static func currentRecords(_ dir: URL) throws -> [ReportRecord] {
        try ReportFiles.loadAll(reportsDir: dir.appendingPathComponent("reports")).reports.values.compactMap(\.last).map(\.record)
    }

    /// sha256 of every file under reports/, by relative path.
    static func reportHashes(_ dir: URL) throws -> [String: String] {
        let root = dir.appendingPathComponent("reports")
        var out: [String: String] = [:]
        let e = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in e where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            out[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = try SHA256.hex(fileAt: url)
        }
        return out
    }

    /// url → last_seen of the current report rows in index.sqlite.
    static func indexLastSeen(_ dir: URL) throws -> [String: String] {
        let db = try #require(try IndexStore.openReadOnly(url: dir.appendingPathComponent("index.sqlite")))
        let rows = try db.read { db in try String.fetchAll(db, sql: "SELECT url || ' ' || last_seen FROM reports WHERE is_current = 1") }
        var out: [String: String] = [:]
        for row in rows {
            let parts = row.split(separator: " ").map(String.init)
            if parts.count == 2 { out[parts[0]] = parts[1] }
        }
        return out
    }
}
}
