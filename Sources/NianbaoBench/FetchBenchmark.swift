import Fetching
import Foundation
import Logging
import TestSupport

/// `NianbaoBench fetch [--hosts H] [--pages P] [--delay SECONDS] [--bytes N]`
///
/// Serves H hosts (127.0.0.2, 127.0.0.3, …, each its own loopback server in this process) with P
/// pages of N bytes, fetches everything at once through one `Fetcher` with a per-host delay d, and
/// prints: wall time ÷ ((P − 1) × d) — the politeness floor, 1.0 is ideal —, the same ÷ (P × d),
/// CPU seconds per fetched page (client and servers together, one process) and peak RSS.
enum FetchBenchmark {
    static func run(_ args: [String]) async throws {
        func value(_ name: String, _ fallback: Double) -> Double {
            guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Double(args[i + 1]) else { return fallback }
            return v
        }
        let hosts = Int(value("--hosts", 50))
        let pages = Int(value("--pages", 10))
        let delay = value("--delay", 0.2)
        let bytes = Int(value("--bytes", 20_000))

        var servers: [ScriptedHTTPServer] = []
        for i in 0..<hosts {
            let s = try await ScriptedHTTPServer.start(host: "127.0.\(i / 250).\(i % 250 + 2)")
            for p in 0..<pages { s.route("/p\(p).html", .huge(bytes, contentType: "text/html")) }
            servers.append(s)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-fetch-bench-\(UUID().uuidString)")
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let fetcher = Fetcher(userAgent: Fetcher.userAgent(contact: "bench@example.org"), bodyDirectory: dir, logger: logger)
        var policy = FetchPolicy()
        policy.minDelay = .milliseconds(Int(delay * 1000))
        let pol = policy
        let urls = servers.flatMap { s in (0..<pages).map { s.url("/p\($0).html") } }

        let cpu0 = cpuSeconds()
        let clock = ContinuousClock()
        let t0 = clock.now
        let (ok, failed) = await withTaskGroup(of: Bool.self) { group in
            for u in urls {
                group.addTask {
                    let r = await fetcher.fetch(FetchRequest(url: u, policy: pol))
                    if let f = r.bodyFile { unlink(f.path) }
                    return r.outcome == .fetched && r.status == 200 && r.size == bytes
                }
            }
            var ok = 0, failed = 0
            for await good in group { if good { ok += 1 } else { failed += 1 } }
            return (ok, failed)
        }
        let wall = (clock.now - t0)
        let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        let cpu = cpuSeconds() - cpu0
        fetcher.shutdown()
        for s in servers { await s.stop() }
        try? FileManager.default.removeItem(at: dir)

        let floor = Double(max(pages - 1, 1)) * delay
        print("fetch benchmark: hosts=\(hosts) pages/host=\(pages) delay=\(delay) s body=\(bytes) B")
        print(String(format: "  fetched %d, failed %d, wall %.2f s", ok, failed, wallSeconds))
        print(String(format: "  wall / ((P-1)*d) = %.3f   wall / (P*d) = %.3f", wallSeconds / floor,
                     wallSeconds / (Double(pages) * delay)))
        print(String(format: "  CPU %.3f s total, %.2f ms per page (client + in-process servers)", cpu,
                     cpu / Double(max(ok, 1)) * 1000))
        print(String(format: "  peak RSS %.1f MB", peakRSSMegabytes()))
    }

    static func cpuSeconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6
            + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
    }

    static func peakRSSMegabytes() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_maxrss) / 1024   // Linux: kilobytes
    }
}
