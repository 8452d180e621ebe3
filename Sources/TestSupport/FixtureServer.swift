import FlyingFox
import FlyingSocks
import Foundation

/// A loopback HTTP server (FlyingFox) serving a `FixturePortal` on 127.0.0.x with an ephemeral port.
/// Each portal gets its own address so that per-host politeness applies per portal.
public final class FixtureServer: @unchecked Sendable {
    public let portal: FixturePortal
    public let ip: String
    let server: HTTPServer
    var task: Task<Void, Error>?
    public private(set) var port: UInt16 = 0

    /// - Parameter ip: a loopback address such as "127.0.0.2" (Linux answers on all of 127/8).
    public init(portal: FixturePortal, ip: String = "127.0.0.1") throws {
        self.portal = portal
        self.ip = ip
        let p = portal
        server = HTTPServer(address: try .inet(ip4: ip, port: 0), timeout: 60, logger: .disabled,
                            handler: ClosureHTTPHandler { request in await FixtureServer.respond(request, portal: p) })
    }

    /// Starts listening; returns once the port is known.
    public func start() async throws {
        let s = server
        task = Task(executorPreference: ServerExecutor.make("nianbao.fixture-server")) { try await s.run() }
        try await s.waitUntilListening(timeout: 5)
        guard case .ip4(_, let port) = await s.listeningAddress else { throw SocketError.unsupportedAddress }
        self.port = port
    }

    public func stop() async {
        await server.stop(timeout: 0.5)
        task?.cancel()
    }

    /// `http://127.0.0.x:port`
    public var origin: String { "http://\(ip):\(port)" }

    public func url(_ path: String) -> String { origin + path }

    static func respond(_ request: HTTPRequest, portal: FixturePortal) async -> HTTPResponse {
        var path = request.path
        if !request.query.isEmpty {
            path += "?" + request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        }
        let r = portal.answer(path: path, ifNoneMatch: request.headers[.init("If-None-Match")],
                              ifModifiedSince: request.headers[.init("If-Modified-Since")],
                              userAgent: request.headers[.init("User-Agent")])
        var headers = HTTPHeaders()
        for (k, v) in r.headers { headers.addValue(v, for: HTTPHeader(k)) }
        let status = HTTPStatusCode(r.status, phrase: "Status")
        switch r.behavior {
        case .stall(let seconds):
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        case .gzip:
            headers[HTTPHeader("Content-Encoding")] = "gzip"
        case .reset:
            let body = HTTPBodySequence(from: BrokenBody(prefix: r.body.prefix(64)), count: max(r.body.count, 4096))
            return HTTPResponse(statusCode: status, headers: headers, body: body)
        case .huge(let bytes):
            return HTTPResponse(statusCode: status, headers: headers,
                                body: HTTPBodySequence(from: FillerBody(remaining: bytes), count: bytes, suggestedBufferSize: 1 << 16))
        case .normal, .unavailable:
            break
        }
        return HTTPResponse(statusCode: status, headers: headers, body: r.body)
    }
}

/// A body that sends a few bytes and then fails, so the server drops the connection mid-transfer.
struct BrokenBody: AsyncBufferedSequence, AsyncBufferedIteratorProtocol, Sendable {
    typealias Element = UInt8
    var prefix: Data
    var sent = false

    init(prefix: Data) { self.prefix = prefix }
    func makeAsyncIterator() -> BrokenBody { self }
    mutating func next() async throws -> UInt8? { fatalError("buffered only") }
    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
        if sent { throw SocketError.disconnected }
        sent = true
        return Array(prefix.isEmpty ? Data("x".utf8) : prefix)
    }
}

/// `remaining` bytes of filler, produced in chunks.
struct FillerBody: AsyncBufferedSequence, AsyncBufferedIteratorProtocol, Sendable {
    typealias Element = UInt8
    var remaining: Int

    func makeAsyncIterator() -> FillerBody { self }
    mutating func next() async throws -> UInt8? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        return 0x41
    }
    mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
        guard remaining > 0 else { return nil }
        let n = Swift.min(remaining, Swift.max(count, 1 << 16))
        remaining -= n
        return [UInt8](repeating: 0x41, count: n)
    }
}
