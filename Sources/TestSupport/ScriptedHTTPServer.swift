import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// A loopback HTTP server (FlyingFox) whose routes play scripted behaviours, for fetcher and crawler
/// tests: status sequences (503 + Retry-After, then 200), redirect chains and loops, stalls, dropped
/// connections, gzip bodies, ETag/Last-Modified → 304, huge streamed bodies, lying charsets.
/// Every request is recorded with its arrival time, so tests can prove delays and serialization.
///
///     let server = try await ScriptedHTTPServer.start(host: "127.0.0.2")
///     server.route("/a", .status(503, headers: ["Retry-After": "1"]), .ok("hello"))
///     … fetch server.url("/a") …
///     #expect(server.requests("/a").count == 2)
///     await server.stop()
public final class ScriptedHTTPServer: Sendable {
    /// One request as it arrived.
    public struct RecordedRequest: Sendable {
        public var method: String
        /// Path without the query.
        public var path: String
        /// Header names lower-cased.
        public var headers: [String: String]
        public var date: Date
        public var instant: ContinuousClock.Instant
    }

    private struct Route {
        var responses: [Response]
        var handler: (@Sendable (RecordedRequest) -> Response)?
        var served = 0
    }

    private struct State {
        var routes: [String: Route] = [:]
        var log: [RecordedRequest] = []
        var inFlight = 0
        var maxInFlight = 0
    }

    public let host: String
    public let port: Int
    private let server: HTTPServer
    private let task: Task<Void, Never>
    private let state: Mutex<State>

    /// Start a server on `host` (any 127.0.0.x address works on Linux) and an ephemeral port.
    public static func start(host: String = "127.0.0.1") async throws -> ScriptedHTTPServer {
        let server = HTTPServer(address: try .inet(ip4: host, port: 0), timeout: 60, logger: .disabled)
        let task = Task(executorPreference: ServerExecutor.make("nianbao.scripted-server")) { _ = try? await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else {
            task.cancel()
            throw CocoaError(.featureUnsupported)
        }
        let me = ScriptedHTTPServer(host: host, port: Int(port), server: server, task: task)
        await server.appendRoute("*") { [me] request in await me.handle(request) }
        return me
    }

    private init(host: String, port: Int, server: HTTPServer, task: Task<Void, Never>) {
        self.host = host
        self.port = port
        self.server = server
        self.task = task
        self.state = Mutex(State())
    }

    /// "http://host:port".
    public var baseURL: String { "http://\(host):\(port)" }

    /// Absolute URL of a path on this server.
    public func url(_ path: String) -> String { baseURL + path }

    /// Script a path: the responses are served in order, and the last one repeats. Replaces any earlier script.
    public func route(_ path: String, _ responses: Response...) {
        route(path, responses)
    }

    public func route(_ path: String, _ responses: [Response]) {
        precondition(!responses.isEmpty)
        state.withLock { $0.routes[path] = Route(responses: responses) }
    }

    /// Script a path with a function of the request (its headers, e.g. Cookie, and how many came before).
    public func route(_ path: String, handler: @escaping @Sendable (RecordedRequest) -> Response) {
        state.withLock { $0.routes[path] = Route(responses: [], handler: handler) }
    }

    /// Requests to `path` (all paths when nil), in arrival order.
    public func requests(_ path: String? = nil) -> [RecordedRequest] {
        state.withLock { s in s.log.filter { path == nil || $0.path == path } }
    }

    /// Arrival instants of the requests to `path`.
    public func arrivals(_ path: String) -> [ContinuousClock.Instant] {
        requests(path).map(\.instant)
    }

    /// The largest number of requests this server was handling at once (headers not yet sent).
    public var maxConcurrentRequests: Int { state.withLock { $0.maxInFlight } }

    public func stop() async {
        await server.stop(timeout: 0)
        task.cancel()
    }

    private func handle(_ request: HTTPRequest) async -> HTTPResponse {
        var headers: [String: String] = [:]
        for (k, v) in request.headers { headers[k.rawValue.lowercased()] = v }
        let record = RecordedRequest(method: request.method.rawValue, path: request.path, headers: headers,
                                     date: Date(), instant: .now)
        let response: Response? = state.withLock { s in
            s.log.append(record)
            s.inFlight += 1
            s.maxInFlight = max(s.maxInFlight, s.inFlight)
            guard var r = s.routes[request.path] else { return nil }
            let resp = r.handler?(record) ?? r.responses[min(r.served, r.responses.count - 1)]
            r.served += 1
            s.routes[request.path] = r
            return resp
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        guard let response else {
            return HTTPResponse(statusCode: .notFound, headers: HTTPHeaders([.contentType: "text/plain"]),
                                body: Data("not found".utf8))
        }
        if response.delay > .zero { try? await Task.sleep(for: response.delay) }
        return response.httpResponse(for: record)
    }
}
