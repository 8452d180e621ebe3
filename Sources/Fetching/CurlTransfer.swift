import CCurl
import Foundation
import NianbaoCore

/// The state of one running easy handle: the body file being written and hashed, the header
/// lines of the current response, and libcurl's error buffer. Touched only on the curl thread.
final class CurlTransfer {
    let id: UInt64
    let spec: TransferSpec
    let continuation: CheckedContinuation<TransferOutcome, Never>
    let easy: UnsafeMutableRawPointer
    let started = ContinuousClock.now

    private var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer: UnsafeMutablePointer<CChar>
    private(set) var bodyPath: URL?
    private var fd: Int32 = -1
    private var hasher: SHA256Hasher? = SHA256Hasher()
    private(set) var size = 0
    private(set) var capExceeded = false
    private(set) var fileError: String?
    private(set) var headers: [HeaderField] = []

    /// Creates the easy handle and the body file (O_EXCL). Returns nil with a reason when either fails.
    static func make(id: UInt64, spec: TransferSpec, share: UnsafeMutableRawPointer,
                     continuation: CheckedContinuation<TransferOutcome, Never>) -> Result<CurlTransfer, FetchFailure> {
        guard let easy = curl_easy_init() else { return .failure(.local("curl_easy_init failed")) }
        let path = spec.bodyDirectory.appendingPathComponent(".fetch-\(UUID().uuidString.lowercased()).part")
        let fd = open(path.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            curl_easy_cleanup(easy)
            return .failure(.local("cannot create body file in \(spec.bodyDirectory.path): \(String(cString: strerror(errno)))"))
        }
        let t = CurlTransfer(id: id, spec: spec, continuation: continuation, easy: easy, path: path, fd: fd)
        t.configure(share: share)
        return .success(t)
    }

    private init(id: UInt64, spec: TransferSpec, continuation: CheckedContinuation<TransferOutcome, Never>,
                 easy: UnsafeMutableRawPointer, path: URL, fd: Int32) {
        self.id = id
        self.spec = spec
        self.continuation = continuation
        self.easy = easy
        self.bodyPath = path
        self.fd = fd
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
        closeFile()
    }

    private func configure(share: UnsafeMutableRawPointer) {
        let p = spec.policy
        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = ccurl_setopt_str(easy, CURLOPT_URL, spec.url)
        _ = ccurl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        _ = ccurl_setopt_str(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = ccurl_setopt_str(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        _ = ccurl_setopt_str(easy, CURLOPT_ACCEPT_ENCODING, "")
        _ = ccurl_setopt_ptr(easy, CURLOPT_SHARE, share)
        _ = ccurl_setopt_str(easy, CURLOPT_COOKIEFILE, "")   // cookie engine on, in memory only
        _ = ccurl_setopt_str(easy, CURLOPT_USERAGENT, spec.userAgent)
        _ = ccurl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, p.connectTimeout.milliseconds)
        _ = ccurl_setopt_long(easy, CURLOPT_TIMEOUT_MS, p.totalTimeout.milliseconds)
        _ = ccurl_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, p.lowSpeedLimitBytesPerSec)
        _ = ccurl_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, max(1, (p.lowSpeedTime.milliseconds + 999) / 1000))
        _ = ccurl_setopt_off(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(p.maxBytes))
        _ = ccurl_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, p.insecureTLS ? 0 : 1)
        _ = ccurl_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, p.insecureTLS ? 0 : 2)
        if p.legacyTLS { _ = ccurl_setopt_str(easy, CURLOPT_SSL_CIPHER_LIST, "DEFAULT:@SECLEVEL=1") }
        _ = ccurl_setopt_ptr(easy, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
        for line in spec.headerLines { headerList = curl_slist_append(headerList, line) }
        if let headerList { _ = ccurl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList) }
        _ = ccurl_setopt_writefn(easy, CURLOPT_WRITEFUNCTION, curlWriteBody)
        _ = ccurl_setopt_ptr(easy, CURLOPT_WRITEDATA, me)
        _ = ccurl_setopt_writefn(easy, CURLOPT_HEADERFUNCTION, curlWriteHeader)
        _ = ccurl_setopt_ptr(easy, CURLOPT_HEADERDATA, me)
    }

    /// Body bytes (already content-decoded): append to the file and the hash, refuse past the cap.
    fileprivate func receive(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard fd >= 0 else { return 0 }
        if size + bytes.count > spec.policy.maxBytes {
            capExceeded = true
            return 0
        }
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                fileError = "cannot write body file: \(String(cString: strerror(errno)))"
                return 0
            }
            offset += n
        }
        hasher?.update(bytes)
        size += bytes.count
        return bytes.count
    }

    /// One header line. A status line starts a new response (redirects, 100 Continue): forget the old headers.
    fileprivate func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
        let line = Array(bytes)
        if line.starts(with: Array("HTTP/".utf8)) {
            headers.removeAll()
            return
        }
        if let field = HeaderDecoding.field(line) { headers.append(field) }
    }

    /// Collects the outcome after CURLMSG_DONE (or an abort), closing the file and deleting it unless
    /// the transfer completed.
    func finish(code: Int, cancelled: Bool = false, reason: String? = nil) -> TransferOutcome {
        var status: Int?
        var redirect: String?
        var rc: Int = 0
        if ccurl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &rc) == CURLE_OK, rc > 0 { status = rc }
        var redirPtr: UnsafeMutablePointer<CChar>?
        if ccurl_getinfo_str(easy, CURLINFO_REDIRECT_URL, &redirPtr) == CURLE_OK, let redirPtr {
            redirect = String(cString: redirPtr)
        }
        // No fsync here: it would stall every transfer on this thread. The archive fsyncs the
        // file when it moves it into raw/ (Archive.storeRaw).
        let ok = code == 0 && !cancelled && fileError == nil
        closeFile()
        var sha: String?
        if ok, let h = hasher.take() { sha = h.finalizeHex() }
        var file: URL? = bodyPath
        if !ok, let path = bodyPath {
            unlink(path.path)
            file = nil
        }
        bodyPath = nil
        var message = reason ?? String(cString: errorBuffer)
        if let fileError { message = fileError }
        return TransferOutcome(curlCode: fileError != nil && code == 0 ? Int(CURLE_WRITE_ERROR.rawValue) : code,
                               curlMessage: message, status: status, headers: headers,
                               redirectURL: redirect, bodyFile: file, sha256: sha, size: ok ? size : 0,
                               capExceeded: capExceeded || code == Int(CURLE_FILESIZE_EXCEEDED.rawValue),
                               cancelled: cancelled, duration: ContinuousClock.now - started)
    }

    private func closeFile() {
        if fd >= 0 { close(fd); fd = -1 }
    }
}

private let curlWriteBody: curl_write_callback = { ptr, size, nmemb, userdata in
    guard let userdata else { return 0 }
    let t = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    let n = size * nmemb
    guard n > 0, let ptr else { return 0 }
    return t.receive(UnsafeRawBufferPointer(start: ptr, count: n))
}

private let curlWriteHeader: curl_write_callback = { ptr, size, nmemb, userdata in
    guard let userdata else { return 0 }
    let t = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    let n = size * nmemb
    if n > 0, let ptr { t.receiveHeader(UnsafeRawBufferPointer(start: ptr, count: n)) }
    return n
}

extension Duration {
    /// Whole milliseconds (rounded down), for curl options and logs.
    var milliseconds: Int {
        let c = components
        return Int(c.seconds) * 1000 + Int(c.attoseconds / 1_000_000_000_000_000)
    }

    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}
