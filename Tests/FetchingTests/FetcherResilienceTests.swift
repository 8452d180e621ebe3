import Foundation
import Testing
@testable import Fetching
import TestSupport

/// Retries, timeouts, dropped connections and hosts set aside.
@Suite struct FetcherResilienceTests {
    @Test func serviceUnavailableWithRetryAfterThenOK() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/busy", .status(503, "busy", headers: [("Retry-After", "1")]), .ok("now fine"))
        let r = await h.fetch(server.url("/busy"))
        #expect(r.outcome == .fetched)
        #expect(r.status == 200)
        #expect(r.attempts == 2)
        #expect(r.error == nil)
        #expect(h.body(r) == "now fine")
        let times = server.arrivals("/busy")
        #expect(times.count == 2)
        if times.count == 2 { #expect((times[1] - times[0]).inSeconds >= 0.95) }   // Retry-After: 1 honoured
        #expect(h.leftoverFiles.count == 1)   // the 503 body was discarded
        await server.stop()
    }

    @Test func tooManyRequestsExhaustsAttempts() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/limited", .status(429, "slow down"))
        var policy = FetcherHarness.fastPolicy
        policy.maxAttempts = 3
        let r = await h.fetch(server.url("/limited"), policy: policy)
        #expect(r.outcome == .fetched)
        #expect(r.status == 429)
        #expect(r.attempts == 3)
        #expect(r.error == "HTTP 429 after 3 attempts")
        #expect(server.requests("/limited").count == 3)
        await server.stop()
    }

    @Test func retryAfterLongerThanWeWaitStopsRetrying() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/later", .status(503, "", headers: [("Retry-After", "3600")]), .ok("never asked"))
        let r = await h.fetch(server.url("/later"))
        #expect(r.status == 503)
        #expect(r.attempts == 1)
        #expect(r.error == "HTTP 503 with Retry-After 3600 s, longer than the 120 s the fetcher waits")
        #expect(server.requests("/later").count == 1)
        await server.stop()
    }

    @Test func stalledResponseHitsTheTimeout() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/stall", ScriptedHTTPServer.Response(
            status: 200, headers: [("Content-Type", "text/html")],
            body: .stalled(prefix: Data("<html>".utf8), declaredCount: 10_000, stall: .seconds(20))))
        server.route("/silent", ScriptedHTTPServer.Response.ok("late").delayed(by: .seconds(20)))
        var policy = FetcherHarness.fastPolicy
        policy.totalTimeout = .milliseconds(500)
        policy.maxAttempts = 1
        // robots.txt would be fetched under the same 0.5 s limit; on a loaded machine that fetch can
        // itself time out and mark the host disallowed. This test is about the stalled body.
        policy.obeyRobots = false
        let clock = ContinuousClock()
        let t0 = clock.now
        let r = await h.fetch(server.url("/stall"), policy: policy)
        let elapsed = (clock.now - t0).inSeconds
        #expect(r.outcome == .error)
        #expect(r.error == "timeout after 0.5 s")
        #expect(elapsed >= 0.45 && elapsed < 5)
        let silent = await h.fetch(server.url("/silent"), policy: policy)
        #expect(silent.error == "timeout after 0.5 s")
        #expect(h.leftoverFiles.isEmpty)
        await server.stop()
    }

    @Test func tooSlowTransferIsAbortedAsStalled() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/trickle", ScriptedHTTPServer.Response(
            status: 200, body: .stalled(prefix: Data("x".utf8), declaredCount: 10_000, stall: .seconds(20))))
        var policy = FetcherHarness.fastPolicy
        policy.lowSpeedTime = .seconds(1)
        policy.maxAttempts = 1
        let r = await h.fetch(server.url("/trickle"), policy: policy)
        #expect(r.outcome == .error)
        #expect(r.error == "stalled: under 100 bytes/s for 1 s")
        await server.stop()
    }

    @Test func droppedConnectionIsRetriedThenReported() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/reset", ScriptedHTTPServer.Response(
            status: 200, body: .dropped(prefix: Data("partial".utf8), declaredCount: 5000)))
        var policy = FetcherHarness.fastPolicy
        policy.maxAttempts = 3
        let r = await h.fetch(server.url("/reset"), policy: policy)
        #expect(r.outcome == .error)
        #expect(r.attempts == 3)
        #expect(r.error?.hasPrefix("connection dropped: ") == true)
        #expect(r.error?.hasSuffix("(3 attempts)") == true)
        #expect(server.requests("/reset").count == 3)
        #expect(r.bodyFile == nil)
        #expect(h.leftoverFiles.isEmpty)
        await server.stop()
    }

    @Test func connectionRefusedIsRetriedThenReported() async throws {
        let server = try await ScriptedHTTPServer.start()
        let deadURL = server.url("/nothing-listens")
        await server.stop()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        var policy = FetcherHarness.fastPolicy
        policy.maxAttempts = 2
        policy.obeyRobots = false
        let r = await h.fetch(deadURL, policy: policy)
        #expect(r.outcome == .error)
        #expect(r.attempts == 2)
        #expect(r.error?.hasPrefix("cannot connect: ") == true)
    }

    @Test func hostThatKeepsFailingIsSetAside() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        for p in ["/1", "/2", "/3"] {
            server.route(p, ScriptedHTTPServer.Response(status: 200, body: .dropped(prefix: Data(), declaredCount: 100)))
        }
        var policy = FetcherHarness.fastPolicy
        policy.maxAttempts = 1
        policy.hostFailureLimit = 2
        let first = await h.fetch(server.url("/1"), policy: policy)
        let second = await h.fetch(server.url("/2"), policy: policy)
        let third = await h.fetch(server.url("/3"), policy: policy)
        #expect(first.outcome == .error)
        #expect(second.outcome == .error)
        #expect(third.outcome == .skipped)
        #expect(third.error?.hasPrefix("host \(server.host):\(server.port) set aside for this run after 2 consecutive failed requests (last: connection dropped") == true)
        #expect(server.requests("/3").isEmpty)
        #expect(third.capture(site: nil, agency: nil, kind: nil, parent: nil).outcome == .skipped)
        await server.stop()
    }

    @Test func successResetsTheFailureCount() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/bad", ScriptedHTTPServer.Response(status: 200, body: .dropped(prefix: Data(), declaredCount: 100)))
        server.route("/good", .ok("fine"))
        var policy = FetcherHarness.fastPolicy
        policy.maxAttempts = 1
        policy.hostFailureLimit = 2
        for path in ["/bad", "/good", "/bad", "/good"] {
            let r = await h.fetch(server.url(path), policy: policy)
            #expect(r.outcome == (path == "/bad" ? .error : .fetched), "\(path)")
        }
        await server.stop()
    }
}
