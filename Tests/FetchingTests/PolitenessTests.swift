import Foundation
import Testing
@testable import Fetching
import TestSupport

/// robots.txt, per-host delay and connection cap, concurrency across hosts (127.0.0.x servers).
@Suite struct PolitenessTests {
    static let robots = """
        # The site's rules: everyone out, nianbao may read all but /private/ at 0.3 s intervals.
        User-agent: *
        Disallow: /

        User-agent: nianbao
        Disallow: /private/
        Crawl-delay: 0.3
        """

    @Test func robotsDisallowAndCrawlDelayAreObeyed() async throws {
        try await onDedicatedExecutor {
            let server = try await ScriptedHTTPServer.start()
            let h = FetcherHarness()
            defer { h.cleanUp() }
            server.route("/robots.txt", .ok(Self.robots, contentType: "text/plain"))
            server.route("/private/report.pdf", .ok("secret"))
            for i in 1...3 { server.route("/pub/\(i).html", .ok("page \(i)")) }
            var policy = FetcherHarness.fastPolicy
            policy.minDelay = .milliseconds(50)

            let refused = await h.fetch(server.url("/private/report.pdf"), policy: policy)
            #expect(refused.outcome == .skipped)
            #expect(refused.error == "robots.txt disallows /private/report.pdf")
            #expect(refused.redirectChain.isEmpty)
            #expect(refused.attempts == 0)
            #expect(server.requests("/private/report.pdf").isEmpty)

            let p = policy
            let results = await withTaskGroup(of: FetchResult.self) { group in
                for i in 1...3 { group.addTask { await h.fetch(server.url("/pub/\(i).html"), policy: p) } }
                var all: [FetchResult] = []
                for await r in group { all.append(r) }
                return all
            }
            #expect(results.allSatisfy { $0.outcome == .fetched })
            let arrivals = (1...3).flatMap { server.arrivals("/pub/\($0).html") }.sorted()
            #expect(arrivals.count == 3)
            // The in-process server records an arrival when its own task runs, which a loaded machine
            // delays by an unknown amount, so server-side gaps are no proof. The proof is the captures'
            // start times below (what the archive keeps): the client never sends sooner than Crawl-delay.
            #expect(server.maxConcurrentRequests == 1)
            #expect(server.requests("/robots.txt").count == 1)   // cached for the run
            // The captures' fetched_at carry the same proof (start of each request, not of the call).
            let starts = results.map(\.startedAt).sorted()
            for (a, b) in zip(starts, starts.dropFirst()) {
                #expect(b.timeIntervalSince(a) >= 0.29, "captures \(b.timeIntervalSince(a)) s apart")
            }
            await server.stop()
        }
    }

    @Test func crawlDelayBeyondTheLimitSkipsTheHost() async throws {
        try await onDedicatedExecutor {
            let server = try await ScriptedHTTPServer.start()
            let h = FetcherHarness()
            defer { h.cleanUp() }
            server.route("/robots.txt", .ok("User-agent: *\nCrawl-delay: 3600\n", contentType: "text/plain"))
            server.route("/a", .ok("a"))
            let r = await h.fetch(server.url("/a"))
            #expect(r.outcome == .skipped)
            #expect(r.error == "robots.txt Crawl-delay 3600 s exceeds the 60 s limit of this crawl")
            #expect(server.requests("/a").isEmpty)
            await server.stop()
        }
    }

    @Test func cancelledWaiterGivesItsTurnBack() async throws {
        try await onDedicatedExecutor {
            let server = try await ScriptedHTTPServer.start()
            let h = FetcherHarness()
            defer { h.cleanUp() }
            for p in ["/a", "/b", "/c"] { server.route(p, .ok(p)) }
            var policy = FetcherHarness.fastPolicy
            policy.minDelay = .seconds(3)
            policy.obeyRobots = false
            let pol = policy
            let first = await h.fetch(server.url("/a"), policy: pol)
            let b = Task(executorPreference: ServerExecutor.shared) { await h.fetch(server.url("/b"), policy: pol) }   // waits for its turn, 3 s after a
            try await Task.sleep(for: .milliseconds(100))
            let c = Task(executorPreference: ServerExecutor.shared) { await h.fetch(server.url("/c"), policy: pol) }
            try await Task.sleep(for: .milliseconds(100))
            b.cancel()
            #expect(await b.value.error == "cancelled")
            let third = await c.value
            #expect(third.outcome == .fetched)
            #expect(server.requests("/b").isEmpty)
            // c takes b's turn (3 s after a), not the one after it (6 s). The 3 s delay leaves the test
            // ample time to cancel b before its turn even on a loaded machine. Client-side send times: what
            // the captures record, and not delayed by the server thread's scheduling.
            let gap = third.startedAt.timeIntervalSince(first.startedAt)
            #expect(gap >= 2.99 && gap < 5.9, "\(gap) s")
            await server.stop()
        }
    }

    @Test func robotsIgnoredWhenPolicySaysSo() async throws {
        try await onDedicatedExecutor {
            let server = try await ScriptedHTTPServer.start()
            let h = FetcherHarness()
            defer { h.cleanUp() }
            server.route("/robots.txt", .ok("User-agent: *\nDisallow: /\n", contentType: "text/plain"))
            server.route("/x", .ok("x"))
            var policy = FetcherHarness.fastPolicy
            policy.obeyRobots = false
            let r = await h.fetch(server.url("/x"), policy: policy)
            #expect(r.outcome == .fetched)
            #expect(server.requests("/robots.txt").isEmpty)
            await server.stop()
        }
    }

    @Test func missingRobotsAllowsAllAndServerErrorDisallowsAll() async throws {
        try await onDedicatedExecutor {
            let open = try await ScriptedHTTPServer.start(host: "127.0.0.5")
            let broken = try await ScriptedHTTPServer.start(host: "127.0.0.6")
            let h = FetcherHarness()
            defer { h.cleanUp() }
            open.route("/a", .ok("a"))                        // robots.txt → 404
            broken.route("/robots.txt", .status(500, "oops"))
            broken.route("/a", .ok("a"))
            var policy = FetcherHarness.fastPolicy
            policy.maxAttempts = 1
            let allowed = await h.fetch(open.url("/a"), policy: policy)
            #expect(allowed.outcome == .fetched)
            let refused = await h.fetch(broken.url("/a"), policy: policy)
            #expect(refused.outcome == .skipped)
            #expect(refused.error == "robots.txt unavailable (HTTP 500): 127.0.0.6:\(broken.port) treated as disallowed for this run")
            #expect(broken.requests("/a").isEmpty)
            await open.stop()
            await broken.stop()
        }
    }

    @Test func redirectIntoDisallowedPathIsRefused() async throws {
        try await onDedicatedExecutor {
            let server = try await ScriptedHTTPServer.start()
            let h = FetcherHarness()
            defer { h.cleanUp() }
            server.route("/robots.txt", .ok(Self.robots, contentType: "text/plain"))
            server.route("/go", .redirect(to: "/private/x"))
            let r = await h.fetch(server.url("/go"))
            #expect(r.outcome == .error)
            #expect(r.error == "robots.txt disallows /private/x")
            #expect(r.redirectChain == [server.url("/go")])
            #expect(server.requests("/private/x").isEmpty)
            await server.stop()
        }
    }

    @Test func hostsRunConcurrentlyWhileEachHostStaysSerialized() async throws {
        try await onDedicatedExecutor {
            var servers: [ScriptedHTTPServer] = []
            for i in 2...4 {
                let s = try await ScriptedHTTPServer.start(host: "127.0.0.\(i)")
                for p in 1...2 { s.route("/slow/\(p)", ScriptedHTTPServer.Response.ok("p\(p)").delayed(by: .milliseconds(300))) }
                servers.append(s)
            }
            let h = FetcherHarness()
            defer { h.cleanUp() }
            var policy = FetcherHarness.fastPolicy
            policy.minDelay = .milliseconds(200)
            let clock = ContinuousClock()
            let t0 = clock.now
            let urls = servers.flatMap { s in (1...2).map { s.url("/slow/\($0)") } }
            let p = policy
            let outcomes = await withTaskGroup(of: FetchResult.self) { group in
                for u in urls { group.addTask { await h.fetch(u, policy: p) } }
                var all: [FetchResult] = []
                for await r in group { all.append(r) }
                return all
            }
            let wall = (clock.now - t0).inSeconds
            #expect(outcomes.count == 6 && outcomes.allSatisfy { $0.outcome == .fetched })
            for s in servers {
                let times = (s.arrivals("/slow/1") + s.arrivals("/slow/2")).sorted()
                #expect(s.maxConcurrentRequests == 1, "\(s.host) saw parallel requests")
                #expect(times.count == 2)
                if times.count == 2 {
                    // one connection: the second starts after the first's 0.3 s answer
                    #expect((times[1] - times[0]).inSeconds >= 0.28, "\(s.host): \((times[1] - times[0]).inSeconds) s")
                }
            }
                // Hosts proceed together: every host's first request was on the wire before any host's first
            // answer came back (each answer takes ≥ 0.3 s). Client-side times, so a loaded machine only
            // makes the overlap larger.
            let firsts = Dictionary(grouping: outcomes, by: { URL(string: $0.url)?.host ?? "" })
                .values.compactMap { $0.min(by: { $0.startedAt < $1.startedAt }) }
            #expect(firsts.count == 3)
            let latestFirstStart = firsts.map(\.startedAt).max()!
            let earliestFirstEnd = firsts.map { $0.startedAt.addingTimeInterval($0.duration.inSeconds) }.min()!
            #expect(latestFirstStart < earliestFirstEnd, "hosts were served one after another")
            // A hang guard only: wall time on a loaded two-core machine measures the load, not the fetcher.
            #expect(wall < 15, "wall \(wall) s")
            for s in servers { await s.stop() }
        }
    }

    @Test func connectionCapAboveOneAllowsParallelRequestsToOneHost() async throws {
        try await onDedicatedExecutor {
            let server = try await ScriptedHTTPServer.start(host: "127.0.0.7")
            for p in 1...4 { server.route("/p\(p)", ScriptedHTTPServer.Response.ok("x").delayed(by: .milliseconds(300))) }
            let h = FetcherHarness()
            defer { h.cleanUp() }
            var policy = FetcherHarness.fastPolicy
            policy.maxConnectionsPerHost = 2
            let pol = policy
            await withTaskGroup(of: Void.self) { group in
                for p in 1...4 { group.addTask { _ = await h.fetch(server.url("/p\(p)"), policy: pol) } }
            }
            #expect(server.maxConcurrentRequests == 2)
            await server.stop()
        }
    }
}
