import CCurl
import Foundation
import Synchronization

/// libcurl's multi interface on one dedicated thread (swift-notes §4): `perform` queues a job under a
/// mutex, wakes the thread with `curl_multi_wakeup`, and suspends on a continuation. Curl never blocks
/// a Swift concurrency thread, so in-process test servers keep running on a 2-core machine.
final class CurlMultiClient: @unchecked Sendable {
    private struct Job {
        var id: UInt64
        var spec: TransferSpec
        var continuation: CheckedContinuation<TransferOutcome, Never>
    }

    private struct Shared {
        var nextID: UInt64 = 1
        var pending: [Job] = []
        var cancelled: Set<UInt64> = []
        var shuttingDown = false
    }

    /// Touched only on the curl thread (and in init/deinit), except `curl_multi_wakeup`, which is
    /// documented as callable from any thread; the handle is freed in deinit, after the thread ended.
    private let multi: UnsafeMutableRawPointer
    /// The run's cookie store, shared by every transfer. No lock callbacks: all transfers run on
    /// the one curl thread.
    private let share: UnsafeMutableRawPointer
    private let shared = Mutex(Shared())
    private var running: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private let finished = Mutex(false)

    static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        ccurl_ignore_sigpipe()
    }()

    init() {
        _ = Self.globalInit
        multi = curl_multi_init()
        share = curl_share_init()!
        _ = ccurl_share_setopt_long(share, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_COOKIE.rawValue))
        let thread = Thread { [self] in self.loop() }
        thread.name = "nianbao.curl"
        thread.start()
    }

    deinit {
        curl_multi_cleanup(multi)
        curl_share_cleanup(share)
    }

    /// Run one transfer. Never throws: cancellation and shutdown come back as `cancelled` outcomes.
    func perform(_ spec: TransferSpec) async -> TransferOutcome {
        let id = shared.withLock { s -> UInt64 in
            defer { s.nextID += 1 }
            return s.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<TransferOutcome, Never>) in
                if Task.isCancelled {
                    c.resume(returning: .aborted("cancelled"))
                    return
                }
                let accepted = shared.withLock { s -> Bool in
                    guard !s.shuttingDown else { return false }
                    s.pending.append(Job(id: id, spec: spec, continuation: c))
                    return true
                }
                if accepted {
                    curl_multi_wakeup(multi)
                } else {
                    c.resume(returning: .aborted("fetcher shut down"))
                }
            }
        } onCancel: {
            shared.withLock { _ = $0.cancelled.insert(id) }
            curl_multi_wakeup(multi)
        }
    }

    /// Stop the thread; pending and running transfers end as cancelled ("fetcher shut down").
    func shutdown() {
        let first = shared.withLock { s -> Bool in
            defer { s.shuttingDown = true }
            return !s.shuttingDown
        }
        if first { curl_multi_wakeup(multi) }
    }

    private func loop() {
        while true {
            let (jobs, cancelled, stop) = shared.withLock { s -> ([Job], Set<UInt64>, Bool) in
                let jobs = s.pending
                s.pending.removeAll()
                return (jobs, s.cancelled, s.shuttingDown)
            }
            for job in jobs { start(job, cancelled: cancelled.contains(job.id) || stop) }
            if !cancelled.isEmpty {
                for (easy, t) in running where cancelled.contains(t.id) {
                    end(easy, code: Int(CURLE_ABORTED_BY_CALLBACK.rawValue), cancelled: true, reason: "cancelled")
                }
                shared.withLock { $0.cancelled.subtract(cancelled) }
            }
            if stop {
                for easy in Array(running.keys) {
                    end(easy, code: Int(CURLE_ABORTED_BY_CALLBACK.rawValue), cancelled: true, reason: "fetcher shut down")
                }
                return
            }
            var stillRunning: Int32 = 0
            curl_multi_perform(multi, &stillRunning)
            var left: Int32 = 0
            while let msg = curl_multi_info_read(multi, &left) {
                guard msg.pointee.msg == CURLMSG_DONE, let easy = msg.pointee.easy_handle else { continue }
                end(easy, code: Int(msg.pointee.data.result.rawValue))
            }
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func start(_ job: Job, cancelled: Bool) {
        if cancelled {
            job.continuation.resume(returning: .aborted("cancelled"))
            return
        }
        switch CurlTransfer.make(id: job.id, spec: job.spec, share: share, continuation: job.continuation) {
        case .failure(let f):
            var o = TransferOutcome.aborted(f.description)
            o.cancelled = false
            o.curlCode = -2
            job.continuation.resume(returning: o)
        case .success(let t):
            running[t.easy] = t
            curl_multi_add_handle(multi, t.easy)
        }
    }

    private func end(_ easy: UnsafeMutableRawPointer, code: Int, cancelled: Bool = false, reason: String? = nil) {
        guard let t = running.removeValue(forKey: easy) else { return }
        curl_multi_remove_handle(multi, easy)
        let outcome = t.finish(code: code, cancelled: cancelled, reason: reason)
        t.continuation.resume(returning: outcome)
    }
}

/// A failure of the fetcher itself or of a transfer, with the reason as shown to people.
struct FetchFailure: Error, CustomStringConvertible {
    var description: String
    static func local(_ s: String) -> FetchFailure { FetchFailure(description: s) }
}
