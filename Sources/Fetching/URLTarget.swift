import CCurl
import Foundation

/// The parts of a URL the politeness layer needs, parsed by libcurl's URL API so they agree with
/// what curl will request. Only http and https are accepted.
struct URLTarget: Sendable, Equatable {
    var scheme: String
    var host: String
    var port: Int
    /// Path plus "?query" when there is one (the string robots rules match against).
    var pathAndQuery: String

    /// `host:port`: the unit of scheduling, delay and set-aside.
    var hostKey: String { "\(host):\(port)" }
    /// `scheme://host:port`: the unit robots.txt applies to.
    var origin: String { "\(scheme)://\(host):\(port)" }
    var robotsURL: String { "\(scheme)://\(hostForURL):\(port)/robots.txt" }
    private var hostForURL: String { host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host }

    init?(_ url: String) {
        guard let h = curl_url() else { return nil }
        defer { curl_url_cleanup(h) }
        guard curl_url_set(h, CURLUPART_URL, url, 0) == CURLUE_OK else { return nil }
        func part(_ p: CURLUPart, _ flags: UInt32 = 0) -> String? {
            var out: UnsafeMutablePointer<CChar>?
            guard curl_url_get(h, p, &out, flags) == CURLUE_OK, let out else { return nil }
            defer { curl_free(out) }
            return String(cString: out)
        }
        guard let scheme = part(CURLUPART_SCHEME)?.lowercased(), scheme == "http" || scheme == "https",
              let host = part(CURLUPART_HOST)?.lowercased(), !host.isEmpty,
              let portText = part(CURLUPART_PORT, UInt32(CURLU_DEFAULT_PORT)), let port = Int(portText)
        else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = port
        let path = part(CURLUPART_PATH) ?? "/"
        if let q = part(CURLUPART_QUERY) { pathAndQuery = path + "?" + q } else { pathAndQuery = path }
    }
}
