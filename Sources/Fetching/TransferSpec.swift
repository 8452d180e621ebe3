import Foundation
import NianbaoCore

/// One HTTP request on the wire: one attempt of one redirect hop. Redirects are not followed by
/// curl; the fetcher follows them hop by hop so each hop passes robots and the host scheduler.
struct TransferSpec: Sendable {
    var url: String
    var userAgent: String
    /// Extra request header lines, "Name: value".
    var headerLines: [String]
    var policy: FetchPolicy
    /// Directory for the body temp file.
    var bodyDirectory: URL
}

/// What one transfer produced. Built on the curl thread when the transfer ends.
struct TransferOutcome: Sendable {
    /// CURLcode as an integer; 0 is success (any HTTP status).
    var curlCode: Int
    /// libcurl's error buffer text (empty on success).
    var curlMessage: String
    var status: Int?
    /// Headers of the last response seen on this transfer, names lower-cased.
    var headers: [HeaderField]
    /// Absolute target of a 3xx Location, resolved by libcurl (CURLINFO_REDIRECT_URL).
    var redirectURL: String?
    /// The complete body file; nil when the transfer failed (the partial file is already deleted).
    var bodyFile: URL?
    var sha256: String?
    var size: Int
    /// The write callback refused bytes past `maxBytes`, or Content-Length announced more.
    var capExceeded: Bool
    /// The fetch was cancelled or the fetcher shut down before the transfer finished.
    var cancelled: Bool
    var duration: Duration

    static func aborted(_ reason: String) -> TransferOutcome {
        TransferOutcome(curlCode: -1, curlMessage: reason, status: nil, headers: [], redirectURL: nil,
                        bodyFile: nil, sha256: nil, size: 0, capExceeded: false, cancelled: true, duration: .zero)
    }

    var succeeded: Bool { curlCode == 0 && !cancelled }
}
