import CCurl
import Foundation

/// How a finished transfer is judged: the reason shown to people, and whether it is worth retrying.
enum TransferVerdict: Equatable {
    /// A response arrived (any status).
    case response
    /// Worth retrying: connect errors, timeouts, dropped connections.
    case transient(String)
    /// Retrying cannot help (size cap, TLS verification, bad URL); `hostFault` marks failures that
    /// count toward setting the host aside.
    case permanent(String, hostFault: Bool)
}

extension TransferOutcome {
    func verdict(policy: FetchPolicy) -> TransferVerdict {
        if cancelled { return .permanent(curlMessage.isEmpty ? "cancelled" : curlMessage, hostFault: false) }
        if curlCode == -2 { return .permanent(curlMessage, hostFault: false) }
        if capExceeded { return .permanent("body exceeds cap of \(FetchFormat.bytes(policy.maxBytes))", hostFault: false) }
        let detail = curlMessage.trimmingCharacters(in: .whitespacesAndNewlines)
        switch curlCode {
        case 0:
            return .response
        case Int(CURLE_OPERATION_TIMEDOUT.rawValue):
            if detail.hasPrefix("Connection timed out") || detail.hasPrefix("Resolving timed out") {
                return .transient("connect timeout after \(FetchFormat.seconds(policy.connectTimeout))")
            }
            if detail.hasPrefix("Operation too slow") {
                return .transient("stalled: under \(policy.lowSpeedLimitBytesPerSec) bytes/s for \(FetchFormat.seconds(policy.lowSpeedTime))")
            }
            return .transient("timeout after \(FetchFormat.seconds(policy.totalTimeout))")
        case Int(CURLE_COULDNT_CONNECT.rawValue):
            return .transient("cannot connect: \(detail)")
        case Int(CURLE_COULDNT_RESOLVE_HOST.rawValue):
            return .permanent("cannot resolve host: \(detail)", hostFault: true)
        case Int(CURLE_PARTIAL_FILE.rawValue), Int(CURLE_GOT_NOTHING.rawValue), Int(CURLE_RECV_ERROR.rawValue),
             Int(CURLE_SEND_ERROR.rawValue), Int(CURLE_HTTP2.rawValue), Int(CURLE_HTTP2_STREAM.rawValue):
            return .transient("connection dropped: \(detail)")
        case Int(CURLE_SSL_CONNECT_ERROR.rawValue), Int(CURLE_PEER_FAILED_VERIFICATION.rawValue),
             Int(CURLE_SSL_CERTPROBLEM.rawValue), Int(CURLE_SSL_CIPHER.rawValue), Int(CURLE_SSL_CACERT_BADFILE.rawValue):
            return .permanent("TLS error: \(detail)", hostFault: true)
        case Int(CURLE_UNSUPPORTED_PROTOCOL.rawValue):
            return .permanent("unsupported protocol (only http and https are fetched): \(detail)", hostFault: false)
        case Int(CURLE_URL_MALFORMAT.rawValue):
            return .permanent("malformed URL: \(detail)", hostFault: false)
        case Int(CURLE_BAD_CONTENT_ENCODING.rawValue):
            return .permanent("cannot decode the body's Content-Encoding: \(detail)", hostFault: false)
        case Int(CURLE_WRITE_ERROR.rawValue):
            return .permanent(detail.isEmpty ? "cannot write body file" : detail, hostFault: false)
        default:
            return .permanent("curl error \(curlCode): \(detail)", hostFault: true)
        }
    }
}

/// Formatting of sizes and durations in error messages.
enum FetchFormat {
    /// "50 MB" for whole mebibytes, else "1234 bytes".
    static func bytes(_ n: Int) -> String {
        if n >= 1 << 20, n % (1 << 20) == 0 { return "\(n >> 20) MB" }
        if n >= 1 << 10, n % (1 << 10) == 0 { return "\(n >> 10) KB" }
        return "\(n) bytes"
    }

    /// "120 s", "0.5 s".
    static func seconds(_ d: Duration) -> String {
        let s = d.seconds
        if s == s.rounded() { return "\(Int(s)) s" }
        return String(format: "%.1f s", s).replacingOccurrences(of: ".0 s", with: " s")
    }
}
