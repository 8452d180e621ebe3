import Foundation
@testable import Crawling
import NianbaoCore
import TestSupport

/// An in-memory web of fixture portals (host → portal) standing in for the Fetcher in engine
/// tests: conditional GET, redirects (loop after 10), robots Disallow prefixes, one retry after
/// 503, the size cap, stalls and resets as errors, gzip decoded with gzip(1).
final class MemoryWeb: PageFetching, @unchecked Sendable {
    let portals: [String: FixturePortal]
    let bodyDirectory: URL
    private let lock = NSLock()
    private var n = 0

    init(_ portals: [String: FixturePortal], bodyDirectory: URL) {
        self.portals = portals
        self.bodyDirectory = bodyDirectory
    }

    func fetch(_ request: PageRequest) async -> PageResult {
        let started = Date()
        var chain: [String] = []
        var url = request.url
        func capture(_ outcome: Capture.Outcome, status: Int? = nil, headers: [HeaderField] = [], sha: String? = nil,
                     size: Int? = nil, error: String? = nil) -> Capture {
            let at = Timestamps.iso(started)
            return Capture(id: Capture.makeID(url: request.url, fetchedAt: at), url: request.url, finalURL: chain.last,
                           redirectChain: chain, status: status, headers: headers, fetchedAt: at, outcome: outcome,
                           sha256: sha, size: size, mediaType: headers.first { $0.name == "content-type" }?.value,
                           error: error, site: request.site.id, agency: request.site.agency, kind: request.kind, parent: request.parent)
        }
        for _ in 0...10 {
            guard let u = URL(string: url), let host = u.host, let portal = portals[host] else {
                return PageResult(capture: capture(.error, error: "could not resolve host"), bodyFile: nil)
            }
            let path = u.path + (u.query.map { "?" + $0 } ?? "")
            if disallowed(path, portal: portal) {
                return PageResult(capture: capture(.skipped, error: "robots.txt disallows \(path)"), bodyFile: nil)
            }
            chain.append(url)
            var r = portal.answer(path: path, ifNoneMatch: chain.count == 1 ? request.ifNoneMatch : nil,
                                  ifModifiedSince: chain.count == 1 ? request.ifModifiedSince : nil)
            if r.status == 503 { r = portal.answer(path: path, ifNoneMatch: request.ifNoneMatch, ifModifiedSince: request.ifModifiedSince) }
            let headers = r.headers.map { HeaderField(name: $0.0, value: $0.1) }
            if (300..<400).contains(r.status), r.status != 304, let loc = headers.first(where: { $0.name == "location" })?.value {
                url = URL(string: loc, relativeTo: u)!.absoluteString
                continue
            }
            switch r.behavior {
            case .stall: return PageResult(capture: capture(.error, error: "timeout"), bodyFile: nil)
            case .reset: return PageResult(capture: capture(.error, error: "connection reset"), bodyFile: nil)
            case .huge(let bytes) where bytes > request.site.maxBytes:
                return PageResult(capture: capture(.error, error: "body exceeds the \(request.site.maxBytes)-byte cap"), bodyFile: nil)
            default: break
            }
            if r.status == 304 { return PageResult(capture: capture(.notModified, status: 304, headers: headers), bodyFile: nil) }
            var body = r.body
            if r.behavior == .gzip { body = gunzip(body) }
            let file = bodyDirectory.appendingPathComponent("body-\(next())")
            try? body.write(to: file)
            return PageResult(capture: capture(.fetched, status: r.status, headers: headers, sha: SHA256.hex(body), size: body.count),
                              bodyFile: file)
        }
        return PageResult(capture: capture(.error, error: "redirect loop (more than 10 redirects)"), bodyFile: nil)
    }

    func disallowed(_ path: String, portal: FixturePortal) -> Bool {
        guard path != "/robots.txt", let robots = portal.route("/robots.txt"), robots.status == 200 else { return false }
        return String(decoding: robots.body, as: UTF8.self).split(separator: "\n").contains { line in
            line.hasPrefix("Disallow:") && path.hasPrefix(line.dropFirst(9).trimmingCharacters(in: .whitespaces))
        }
    }

    func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }

    func gunzip(_ data: Data) -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/gzip")
        p.arguments = ["-dc"]
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        try? p.run()
        inPipe.fileHandleForWriting.write(data)
        try? inPipe.fileHandleForWriting.close()
        return outPipe.fileHandleForReading.readDataToEndOfFile()
    }
}

/// raw/ and captures in a temp directory.
final class MemoryStore: CrawlStore, @unchecked Sendable {
    let root: URL
    private let lock = NSLock()
    private(set) var captures: [Capture] = []

    init(root: URL) {
        self.root = root
        try? FileManager.default.createDirectory(at: root.appendingPathComponent("raw"), withIntermediateDirectories: true)
    }

    func lastBodyCapture(url: String) -> Capture? {
        lock.lock(); defer { lock.unlock() }
        return captures.last { $0.url == url && $0.outcome == .fetched && $0.sha256 != nil && (200..<300).contains($0.status ?? 0) }
    }

    func rawFile(sha256: String) -> URL? {
        let u = root.appendingPathComponent("raw/\(sha256)")
        return FileManager.default.fileExists(atPath: u.path) ? u : nil
    }

    func storeBody(movingFile file: URL, sha256: String) throws {
        let dest = root.appendingPathComponent("raw/\(sha256)")
        if FileManager.default.fileExists(atPath: dest.path) { try FileManager.default.removeItem(at: file); return }
        try FileManager.default.moveItem(at: file, to: dest)
    }

    func appendCapture(_ capture: Capture) throws {
        lock.lock(); defer { lock.unlock() }
        captures.append(capture)
    }
}

/// Stands in for Extractor → Parser → Archive: a body is a report when its text has the report
/// title words and 总体情况 (or is a PDF); versions are counted per URL by sha256.
final class RecordingHandler: ReportHandling, @unchecked Sendable {
    private let lock = NSLock()
    private var versions: [String: [String]] = [:]
    private(set) var handled: [String] = []

    func handle(capture: Capture, body: URL, site: SiteConfig) async -> ReportOutcome {
        let data = (try? Data(contentsOf: body)) ?? Data()
        return lock.withLock { decide(capture, data) }
    }

    private func decide(_ capture: Capture, _ data: Data) -> ReportOutcome {
        handled.append(capture.url)
        let text = String(decoding: data, as: UTF8.self)
        let isPDF = data.starts(with: Array("%PDF".utf8))
        let isGBKReport = (capture.finalURL ?? capture.url).hasSuffix("t20230120_0600.html")
            && PageDecoderCheck.decodesAsReport(data)
        guard isPDF || isGBKReport || (text.contains("总体情况") && text.contains("政府信息公开")) else {
            return .notAReport("\(capture.url): no report text")
        }
        let sha = capture.sha256 ?? ""
        let key = capture.url
        let old = versions[key, default: []]
        if old.last == sha { return .unchanged }
        versions[key, default: []].append(sha)
        return old.isEmpty ? .new(version: 1) : .changed(version: old.count + 1, changedCells: 1)
    }
}

import Extraction
enum PageDecoderCheck {
    static func decodesAsReport(_ data: Data) -> Bool {
        let t = PageDecoder.decode(data, contentType: "text/html; charset=utf-8").text
        return t.contains("总体情况") && t.contains("政府信息公开")
    }
}

/// Runs the built binary (CLIRunner waits for it off the cooperative pool).
func runCLI(_ arguments: [String], timeout: TimeInterval = 120) async throws -> CLIRunner.Result {
    try await CLIRunner.run(arguments, timeout: timeout)
}

/// Waits for a child process without blocking the cooperative pool.
func waitForExit(_ p: Process) async {
    await withCheckedContinuation { (cont: CheckedContinuation<Void, Never>) in
        Thread { p.waitUntilExit(); cont.resume() }.start()
    }
}
