import Foundation
import Testing

/// Parent of the crawl suites that run real crawls (loopback servers, child processes, 60 MB
/// transfers). `.serialized` applies to every nested suite, so only one of them loads the two
/// cores at a time.
@Suite(.serialized) enum CrawlNetworkTests {
    /// Each network test first waits until the test process is `seconds` old. The timing-sensitive
    /// suites of other modules (host spacing, time limits) run in the first seconds of `swift test`;
    /// on the 2-core machine, crawls and child processes running beside them made some of them miss
    /// their bounds. Alone (`--filter Crawl`) this costs at most `seconds` once.
    static func waitForQuietStart(_ seconds: Double = 20) async {
        let age = processAge()
        if age < seconds { try? await Task.sleep(for: .milliseconds(Int((seconds - age) * 1000))) }
    }

    /// Seconds since this process started (/proc/self/stat field 22 against /proc/uptime).
    static func processAge() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return .infinity }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: field 3 is fields[0], so field 22 (starttime) is fields[19].
        guard fields.count > 19, let ticks = Double(fields[19]),
              let up = Double(uptime.split(separator: " ").first ?? "") else { return .infinity }
        return up - ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
