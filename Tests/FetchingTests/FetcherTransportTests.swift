import Foundation
import NianbaoCore
import Testing
@testable import Fetching
import TestSupport

/// Transfers against a scripted loopback server: bodies, gzip, redirects, validators, size cap.
@Suite struct FetcherTransportTests {
    @Test func plainBodyIsStoredHashedAndDescribed() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/a.html", .ok("hello nianbao", contentType: "text/html; charset=gbk"))
        let r = await h.fetch(server.url("/a.html"))
        #expect(r.outcome == .fetched)
        #expect(r.status == 200)
        #expect(r.error == nil)
        #expect(r.size == 13)
        // From `printf 'hello nianbao' | sha256sum`.
        #expect(r.sha256 == "f846118a9bc2751cee9261a61424c22336074a5db2285b493c75455e82bfa834")
        #expect(h.body(r) == "hello nianbao")
        #expect(r.mediaType == "text/html")
        #expect(r.header("content-type") == "text/html; charset=gbk")
        #expect(r.redirectChain == [server.url("/a.html")])
        #expect(r.finalURL == server.url("/a.html"))
        #expect(r.filename == "a.html")
        #expect(r.attempts == 1)
        let sent = server.requests("/a.html").first
        #expect(sent?.headers["user-agent"] == "nianbao/\(NianbaoVersion.string) (+tests@example.org)")
        #expect(sent?.headers["accept-encoding"]?.contains("gzip") == true)
        let capture = r.capture(site: "demo", agency: "某局", kind: "detail", parent: nil)
        #expect(capture.outcome == .fetched)
        #expect(capture.size == 13)
        #expect(capture.mediaType == "text/html")
        #expect(capture.site == "demo")
        #expect(capture.insecureTLS == nil)
        await server.stop()
    }

    @Test func gzipBodyArrivesDecoded() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        let gz = try Data(contentsOf: Fixtures.fixture("fetching/report-lines.txt.gz"))
        server.route("/report.txt", .gzip(gz))
        let r = await h.fetch(server.url("/report.txt"))
        #expect(r.outcome == .fetched)
        #expect(r.header("content-encoding") == "gzip")
        // The fixture is `gzip -n -9` of 40 lines "第N行：政府信息公开工作年度报告 gzip test"; 2311 bytes,
        // sha256 from `sha256sum` of the uncompressed text.
        #expect(r.size == 2311)
        #expect(r.sha256 == "bc610c6aef40723daeb6505e2a213394f3b66e27246565a88d3e59c4c73cce43")
        let lines = h.body(r)?.split(separator: "\n") ?? []
        #expect(lines.count == 40)
        #expect(lines.first == "第1行：政府信息公开工作年度报告 gzip test")
        #expect(lines.last == "第40行：政府信息公开工作年度报告 gzip test")
        await server.stop()
    }

    @Test func redirectChainIsRecorded() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/old", .redirect(to: "/moved", status: 301))
        server.route("/moved", .redirect(to: server.url("/final.pdf"), status: 302))
        server.route("/final.pdf", .bytes(Data("%PDF-1.4".utf8), contentType: "application/pdf"))
        let r = await h.fetch(server.url("/old"))
        #expect(r.outcome == .fetched)
        #expect(r.status == 200)
        #expect(r.redirectChain == [server.url("/old"), server.url("/moved"), server.url("/final.pdf")])
        #expect(r.finalURL == server.url("/final.pdf"))
        #expect(r.mediaType == "application/pdf")
        #expect(r.filename == "final.pdf")
        #expect(h.body(r) == "%PDF-1.4")
        #expect(h.leftoverFiles.count == 1)   // only the final body; redirect bodies are gone
        await server.stop()
    }

    @Test func redirectLoopIsNamed() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/a", .redirect(to: "/b"))
        server.route("/b", .redirect(to: "/c"))
        server.route("/c", .redirect(to: "/b"))
        let r = await h.fetch(server.url("/a"))
        #expect(r.outcome == .error)
        #expect(r.error == "redirect loop: \(server.url("/b")) → \(server.url("/c")) → \(server.url("/b"))")
        #expect(r.bodyFile == nil)
        #expect(server.requests("/b").count == 1)
        #expect(h.leftoverFiles.isEmpty)
        await server.stop()
    }

    @Test func cookieGateRedirectToItselfIsFollowed() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        // A WAF-style gate: without the cookie, set it and redirect to the same URL.
        server.route("/gate.html") { request in
            if request.headers["cookie"]?.contains("passed=1") == true { return .ok("inside") }
            var r = ScriptedHTTPServer.Response.redirect(to: "/gate.html")
            r.headers.append(("Set-Cookie", "passed=1; Path=/"))
            return r
        }
        let r = await h.fetch(server.url("/gate.html"))
        #expect(r.outcome == .fetched)
        #expect(h.body(r) == "inside")
        #expect(r.redirectChain == [server.url("/gate.html"), server.url("/gate.html")])
        await server.stop()
    }

    @Test func tooManyRedirects() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        for i in 0..<5 { server.route("/r\(i)", .redirect(to: "/r\(i + 1)")) }
        var policy = FetcherHarness.fastPolicy
        policy.maxRedirects = 3
        let r = await h.fetch(server.url("/r0"), policy: policy)
        #expect(r.outcome == .error)
        #expect(r.error?.hasPrefix("more than 3 redirects: ") == true)
        #expect(r.redirectChain.count == 4)
        #expect(server.requests("/r4").isEmpty)
        await server.stop()
    }

    @Test func validatorsGiveNotModifiedWithoutBody() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        let lastModified = "Sat, 21 Nov 2026 10:00:00 GMT"
        server.route("/list.html", .conditional("<html>v1</html>", etag: "\"v1\"", lastModified: lastModified))
        let first = await h.fetch(server.url("/list.html"))
        #expect(first.outcome == .fetched)
        #expect(first.header("etag") == "\"v1\"")
        #expect(first.header("last-modified") == lastModified)
        if let f = first.bodyFile { try FileManager.default.removeItem(at: f) }

        let byETag = await h.fetch(server.url("/list.html"), ifNoneMatch: "\"v1\"")
        #expect(byETag.outcome == .notModified)
        #expect(byETag.status == 304)
        #expect(byETag.bodyFile == nil)
        #expect(byETag.sha256 == nil)
        #expect(byETag.size == 0)
        #expect(byETag.error == nil)
        #expect(server.requests("/list.html").last?.headers["if-none-match"] == "\"v1\"")

        let byDate = await h.fetch(server.url("/list.html"), ifModifiedSince: lastModified)
        #expect(byDate.outcome == .notModified)
        #expect(server.requests("/list.html").last?.headers["if-modified-since"] == lastModified)

        let stale = await h.fetch(server.url("/list.html"), ifNoneMatch: "\"v0\"")
        #expect(stale.outcome == .fetched)
        #expect(h.body(stale) == "<html>v1</html>")
        #expect(byETag.capture(site: nil, agency: nil, kind: nil, parent: nil).outcome == .notModified)
        await server.stop()
    }

    @Test func sixtyMegabyteBodyIsRefusedByTheCapLeavingNothing() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        // Announced by Content-Length: refused before the body is written.
        server.route("/big.pdf", .huge(60 << 20))
        // Chunked, no length: streamed until the cap, then aborted and the partial file deleted.
        server.route("/big-chunked.pdf", .huge(60 << 20, chunked: true))
        var policy = FetcherHarness.fastPolicy
        policy.totalTimeout = .seconds(30)
        for path in ["/big.pdf", "/big-chunked.pdf"] {
            let r = await h.fetch(server.url(path), policy: policy)
            #expect(r.outcome == .error, "\(path)")
            #expect(r.error == "body exceeds cap of 50 MB", "\(path)")
            #expect(r.bodyFile == nil)
            #expect(r.attempts == 1)
            #expect(h.leftoverFiles.isEmpty, "\(path): \(h.leftoverFiles)")
        }
        await server.stop()
    }

    @Test func bodyJustUnderTheCapIsKept() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/exact", .huge(4096, chunked: true))
        server.route("/over", .huge(4097, chunked: true))
        var policy = FetcherHarness.fastPolicy
        policy.maxBytes = 4096
        let ok = await h.fetch(server.url("/exact"), policy: policy)
        #expect(ok.outcome == .fetched)
        #expect(ok.size == 4096)
        let data = try #require(ok.bodyFile.flatMap { FileManager.default.contents(atPath: $0.path) })
        #expect(data.count == 4096)
        #expect(data[300] == 44)   // generated byte i is i % 256
        let over = await h.fetch(server.url("/over"), policy: policy)
        #expect(over.error == "body exceeds cap of 4 KB")
        #expect(h.leftoverFiles.count == 1)
        await server.stop()
    }

    @Test func contentDispositionNamesTheFile() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/download", .bytes(Data("x".utf8), contentType: "application/msword",
                                         headers: [("Content-Disposition", "attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.doc")]))
        server.route("/download2", .bytes(Data("y".utf8), contentType: "application/pdf",
                                          headers: [("Content-Disposition", "attachment; filename=\"2023年年报.pdf\"")]))
        let r = await h.fetch(server.url("/download"))
        #expect(r.filename == "年报.doc")
        let r2 = await h.fetch(server.url("/download2"))
        #expect(r2.filename == "2023年年报.pdf")
        await server.stop()
    }

    @Test func lyingCharsetKeepsTheBytesAsSent() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        // "<p>年报</p>" in GBK (年报 = C4 EA B1 A8), labelled UTF-8 by the server.
        let gbk = Data([0x3C, 0x70, 0x3E, 0xC4, 0xEA, 0xB1, 0xA8, 0x3C, 0x2F, 0x70, 0x3E])
        server.route("/lie.html", .bytes(gbk, contentType: "text/html; charset=utf-8"))
        let r = await h.fetch(server.url("/lie.html"))
        #expect(r.outcome == .fetched)
        #expect(r.header("content-type") == "text/html; charset=utf-8")
        #expect(r.bodyFile.flatMap { FileManager.default.contents(atPath: $0.path) } == gbk)
        await server.stop()
    }

    @Test func errorStatusIsFetchedWithReason() async throws {
        let server = try await ScriptedHTTPServer.start()
        let h = FetcherHarness()
        defer { h.cleanUp() }
        server.route("/gone", .status(404, "no such page"))
        let r = await h.fetch(server.url("/gone"))
        #expect(r.outcome == .fetched)
        #expect(r.status == 404)
        #expect(r.error == "HTTP 404")
        #expect(r.attempts == 1)
        #expect(h.body(r) == "no such page")
        await server.stop()
    }

    @Test func nonHTTPSchemesAreRefused() async throws {
        let h = FetcherHarness()
        defer { h.cleanUp() }
        let r = await h.fetch("file:///etc/passwd")
        #expect(r.outcome == .error)
        #expect(r.error == "unsupported or malformed URL (only http and https): file:///etc/passwd")
        #expect(r.redirectChain.isEmpty)
    }
}
