import Archiving
import Crawling
import Fetching
import Foundation
import Logging
import NianbaoCore
import Pipeline
import TestSupport

/// `NianbaoBench crawl [--hosts H] [--pages P] [--delay d]`: H fixture hosts on 127.0.0.2… each
/// serving one list page that links P−1 report pages, crawled with a per-host delay d through the
/// real Fetcher and Archive (parsing off). Prints wall ÷ (P × d) (the ideal is 1: every host busy
/// the whole time), CPU seconds per fetched page and peak RSS. Servers run in-process, so CPU and
/// RSS include them. Run H = 10, 50, 200 as separate processes to compare peak RSS.
/// `--concurrent N` caps the sites crawled at once (default H).
enum CrawlBenchmark {
    static func run(_ args: [String]) async throws {
        func value(_ name: String, _ def: Double) -> Double {
            guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Double(args[i + 1]) else { return def }
            return v
        }
        let hosts = Int(value("--hosts", 50)), pages = Int(value("--pages", 10)), delay = value("--delay", 0.2)
        let concurrent = Int(value("--concurrent", Double(hosts)))
        var servers: [FixtureServer] = []
        for h in 0..<hosts {
            let p = FixturePortal()
            p.set("/robots.txt", .init(headers: [("Content-Type", "text/plain")], body: Data("User-agent: *\nAllow: /\n".utf8)))
            let items = (1..<pages).map { ("./t\($0).html", "某局\(2000 + $0)年政府信息公开工作年度报告", Optional<String>.none) }
            p.set("/ndbg/index.html", .html(FixturePortals.listPage(title: "年报", items: items, script: nil, nav: nil)))
            for i in 1..<pages {
                p.set("/ndbg/t\(i).html", .html("<html><body><h1>某局\(2000 + i)年政府信息公开工作年度报告</h1>"
                                                 + String(repeating: "<p>主动公开政府信息情况。</p>", count: 400) + "</body></html>"))
            }
            let s = try FixtureServer(portal: p, ip: "127.0.\(2 + h / 250).\(2 + h % 250)")
            try await s.start()
            servers.append(s)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-crawl-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = try Archive(root: dir)
        archive.durable = false
        let bodies = archive.tempDirectory.appendingPathComponent("crawl")
        try FileManager.default.createDirectory(at: bodies, withIntermediateDirectories: true)
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let defaults = CrawlDefaults(contact: "bench@example.org", delay: delay, concurrentSites: concurrent)
        let fetcher = Fetcher(userAgent: Fetcher.userAgent(contact: defaults.contact), bodyDirectory: bodies, logger: logger)
        let crawler = Crawler(fetcher: FetcherPageSource(fetcher: fetcher, defaults: defaults),
                              store: try CrawlArchiveStore(archive: archive), reports: nil,
                              concurrentSites: concurrent, logger: logger)
        let sites = servers.enumerated().map { i, s in
            SiteConfig(id: "h\(i)", startURLs: [s.url("/ndbg/index.html")], delay: delay)
        }
        let rssBefore = currentRSSKB()
        let cpu0 = cpuSeconds()
        let t0 = Date()
        let summary = await crawler.crawl(sites)
        let wall = Date().timeIntervalSince(t0)
        let cpu = cpuSeconds() - cpu0
        fetcher.shutdown()
        for s in servers { await s.stop() }
        let fetched = summary.fetched + summary.unchanged
        let peak = peakRSSKB()
        print(String(format: "crawl: H=%d P=%d d=%.2fs C=%d  wall %.2fs  wall/(P*d) %.3f  fetched %d (errors %d)  cpu %.4fs/page  "
                     + "peak RSS %.1f MB (%.1f MB before the crawl: servers and portals; crawl adds %.1f MB)",
                     hosts, pages, delay, concurrent, wall, wall / (Double(pages) * delay), fetched, summary.errors,
                     cpu / Double(max(fetched, 1)), Double(peak) / 1024, Double(rssBefore) / 1024,
                     Double(peak - rssBefore) / 1024))
    }

    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
        return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
    }

    /// VmRSS from /proc/self/status (kB).
    static func currentRSSKB() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }

    static func peakRSSKB() -> Int {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
        return Int(u.ru_maxrss)
    }
}
