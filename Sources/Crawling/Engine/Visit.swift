import Foundation
import NianbaoCore

/// The result of requesting one URL once, after its body (if any) is in raw/ and its capture logged.
enum Visit: Sendable {
    /// A body different from the last capture's (or the first ever). `capture` is the logged line.
    case new(Capture, body: URL)
    /// 304, or the same sha256 as last time; `body` is the stored copy, `sha256` its hash.
    case same(Capture, body: URL, sha256: String)
    /// Robots.txt or a set-aside host refused it.
    case skipped(Capture, reason: String)
    /// Transfer error or HTTP error status.
    case failed(Capture?, reason: String)

    var body: URL? {
        switch self {
        case .new(_, let b), .same(_, let b, _): return b
        default: return nil
        }
    }

    var capture: Capture? {
        switch self {
        case .new(let c, _), .same(let c, _, _), .skipped(let c, _): return c
        case .failed(let c, _): return c
        }
    }

    var isNew: Bool { if case .new = self { return true } else { return false } }
}

extension Crawler {
    /// Requests `url` (conditionally when a body was stored before), stores the body, logs the capture.
    func visit(_ url: String, site: SiteConfig, kind: String, parent: String?, tally: inout CrawlSummary) async -> Visit {
        let previous = store.lastBodyCapture(url: url)
        let request = PageRequest(url: url, site: site, kind: kind, parent: parent,
                                  ifNoneMatch: previous?.header("etag"), ifModifiedSince: previous?.header("last-modified"))
        let result = await fetcher.fetch(request)
        var capture = result.capture
        let visit: Visit
        switch capture.outcome {
        case .fetched:
            guard let file = result.bodyFile, let sha = capture.sha256 else {
                capture.outcome = .error
                capture.error = capture.error ?? "fetch reported a body but no file"
                visit = .failed(capture, reason: capture.error!)
                break
            }
            do {
                try store.storeBody(movingFile: file, sha256: sha)
            } catch {
                try? FileManager.default.removeItem(at: file)
                capture.outcome = .error
                capture.error = "cannot store body: \(error)"
                visit = .failed(capture, reason: capture.error!)
                break
            }
            guard let raw = store.rawFile(sha256: sha) else {
                visit = .failed(capture, reason: "stored body \(sha) not found in raw/")
                break
            }
            if let status = capture.status, !(200..<300).contains(status) {
                visit = .failed(capture, reason: "HTTP \(status)")
            } else if sha == previous?.sha256 {
                visit = .same(capture, body: raw, sha256: sha)
            } else {
                visit = .new(capture, body: raw)
            }
        case .notModified:
            if let sha = previous?.sha256, let raw = store.rawFile(sha256: sha) {
                visit = .same(capture, body: raw, sha256: sha)
            } else {
                visit = .failed(capture, reason: "304 Not Modified but no stored body to reuse")
            }
        case .skipped:
            visit = .skipped(capture, reason: capture.error ?? "skipped")
        case .error:
            if let file = result.bodyFile { try? FileManager.default.removeItem(at: file) }
            visit = .failed(capture, reason: capture.error ?? "transfer failed")
        }
        do {
            if let c = visit.capture { try store.appendCapture(c) }
        } catch {
            tally.error(url, "cannot append capture: \(error)")
        }
        switch visit {
        case .new:
            tally.fetched += 1
            report { $0.fetched += 1 }
        case .same: tally.unchanged += 1
        case .skipped(_, let reason):
            tally.skipped += 1
            logger.info("skipped \(url): \(reason)")
        case .failed(_, let reason): tally.error(url, reason)
        }
        return visit
    }
}
