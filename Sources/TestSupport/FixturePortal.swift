import Foundation

/// A fake government portal: a table of paths and the responses they give, shared by the
/// loopback `FixtureServer` (real HTTP) and by in-memory test doubles. Routes can be replaced
/// between crawls (a report that an agency silently edits).
public final class FixturePortal: @unchecked Sendable {
    /// How a route answers, beyond status, headers and body.
    public enum Behavior: Sendable, Equatable {
        case normal
        /// Wait this many seconds before answering (a stalled server).
        case stall(seconds: Double)
        /// Send the headers and part of the body, then drop the connection.
        case reset
        /// Answer 503 with `Retry-After: seconds` this many times, then normally.
        case unavailable(times: Int, retryAfter: Int)
        /// Serve the body gzip-compressed (`body` holds the compressed bytes).
        case gzip
        /// Stream `bytes` of filler (a huge attachment) without holding it in memory.
        case huge(bytes: Int)
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: Data
        public var behavior: Behavior
        /// Send ETag/Last-Modified and answer conditional requests with 304.
        public var validators: Bool

        public init(status: Int = 200, headers: [(String, String)] = [], body: Data = Data(),
                    behavior: Behavior = .normal, validators: Bool = true) {
            self.status = status
            self.headers = headers
            self.body = body
            self.behavior = behavior
            self.validators = validators
        }

        /// An HTML page in UTF-8 (or in `charset`, with the header naming `declared`).
        public static func html(_ text: String, charset: String.Encoding = .utf8, declared: String? = "utf-8") -> Response {
            let body = text.data(using: charset) ?? Data(text.utf8)
            let type = declared.map { "text/html; charset=\($0)" } ?? "text/html"
            return Response(headers: [("Content-Type", type)], body: body)
        }

        public static func file(_ data: Data, type: String, filename: String? = nil) -> Response {
            var h = [("Content-Type", type)]
            if let filename { h.append(("Content-Disposition", "attachment; filename=\"\(filename)\"")) }
            return Response(headers: h, body: data)
        }

        public static func redirect(_ location: String, status: Int = 302) -> Response {
            Response(status: status, headers: [("Location", location)], validators: false)
        }

        public static let notFound = Response(status: 404, headers: [("Content-Type", "text/html")],
                                              body: Data("<html><body>404</body></html>".utf8), validators: false)
    }

    /// One request the portal answered: path, arrival time, and the conditional headers sent.
    public struct Hit: Sendable {
        public var path: String
        public var at: Date
        public var ifNoneMatch: String?
        public var ifModifiedSince: String?
        public var userAgent: String?
        public var status: Int
    }

    let lock = NSLock()
    var routes: [String: Response] = [:]
    private var hitLog: [Hit] = []
    private var counts: [String: Int] = [:]
    /// Fixed Last-Modified date for every page (changes when a route is replaced).
    private var modified: [String: Date] = [:]

    public init(_ routes: [String: Response] = [:]) {
        for (k, v) in routes { set(k, v) }
    }

    /// Adds or replaces the response of a path ("/ndbg/index.shtml", query included when any).
    public func set(_ path: String, _ response: Response) {
        lock.lock(); defer { lock.unlock() }
        routes[path] = response
        modified[path] = Date(timeIntervalSince1970: 1_700_000_000 + Double(routes.count) * 60 + Date().timeIntervalSince1970.truncatingRemainder(dividingBy: 1000))
    }

    public var paths: [String] { lock.lock(); defer { lock.unlock() }; return routes.keys.sorted() }

    /// Every request answered so far, in order.
    public var hits: [Hit] { lock.lock(); defer { lock.unlock() }; return hitLog }

    public func resetHits() { lock.lock(); hitLog = []; lock.unlock() }

    /// The answer to a GET of `path`, after conditional-request handling. Records the hit.
    public func answer(path: String, ifNoneMatch: String?, ifModifiedSince: String?, userAgent: String? = nil,
                       at date: Date = Date()) -> Response {
        lock.lock(); defer { lock.unlock() }
        counts[path, default: 0] += 1
        var response = routes[path] ?? .notFound
        if case .unavailable(let times, let after) = response.behavior, counts[path]! <= times {
            response = Response(status: 503, headers: [("Retry-After", "\(after)"), ("Content-Type", "text/plain")],
                                body: Data("busy".utf8), validators: false)
        }
        if response.validators, response.status == 200 {
            let etag = "\"\(Self.etag(response.body))\""
            let lastModified = Self.httpDate(modified[path] ?? Date(timeIntervalSince1970: 1_700_000_000))
            response.headers += [("ETag", etag), ("Last-Modified", lastModified)]
            if ifNoneMatch == etag || (ifNoneMatch == nil && ifModifiedSince == lastModified) {
                response = Response(status: 304, headers: [("ETag", etag), ("Last-Modified", lastModified)],
                                    body: Data(), validators: false)
            }
        }
        hitLog.append(Hit(path: path, at: date, ifNoneMatch: ifNoneMatch, ifModifiedSince: ifModifiedSince,
                          userAgent: userAgent, status: response.status))
        return response
    }

    static func etag(_ data: Data) -> String {
        var h: UInt64 = 1469598103934665603
        for b in data { h = (h ^ UInt64(b)) &* 1099511628211 }
        return String(h, radix: 16)
    }

    static func httpDate(_ d: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return f.string(from: Date(timeIntervalSince1970: d.timeIntervalSince1970.rounded(.down)))
    }
}

extension FixturePortal {
    /// The body of a route as UTF-8 text (for discovery tests on strings).
    public func body(_ path: String) -> String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: routes[path]?.body ?? Data(), as: UTF8.self)
    }

    /// The route's response as configured (no conditional handling, no hit recorded).
    public func route(_ path: String) -> Response? {
        lock.lock(); defer { lock.unlock() }
        return routes[path]
    }
}
