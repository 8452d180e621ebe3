import Foundation
import Logging

extension Fetcher {
    struct HopResult {
        var outcome: TransferOutcome
        var attempts: Int
        /// Set when no usable response arrived; the reason for `FetchResult.error`.
        var failure: String?
        /// Why a final error status was not retried further (e.g. a Retry-After beyond `maxRetryWait`).
        var statusNote: String?
    }

    /// One redirect hop: take a slot on the host, wait for its turn, transfer; retry transient
    /// failures, 429 and 5xx with backoff or Retry-After (pausing the whole host), and count the
    /// host's consecutive failures toward setting it aside.
    /// `firstSent` is set (if still nil) to the moment the first attempt goes on the wire.
    func performWithRetries(_ spec: TransferSpec, target: URLTarget, delay: Duration,
                            firstSent: inout (date: Date, instant: ContinuousClock.Instant)?,
                            countsTowardHost: Bool = true) async -> HopResult {
        let policy = spec.policy
        let host = target.hostKey
        let maxAttempts = max(1, policy.maxAttempts)
        var attempt = 0
        while true {
            attempt += 1
            await scheduler.acquire(host, limit: policy.maxConnectionsPerHost)
            if Task.isCancelled {   // do not take a time slot from the requests still waiting
                await scheduler.release(host)
                return HopResult(outcome: .aborted("cancelled"), attempts: attempt - 1, failure: "cancelled")
            }
            let start = await scheduler.reserveStart(host, delay: delay)
            try? await Task.sleep(until: start, clock: .continuous)
            if Task.isCancelled {   // cancelled while waiting for its turn: give the turn back
                await scheduler.unreserveStart(host, start: start, delay: delay)
                await scheduler.release(host)
                return HopResult(outcome: .aborted("cancelled"), attempts: attempt - 1, failure: "cancelled")
            }
            // Space the next request from when this one really leaves (a late wake-up must not
            // shorten the gap to the next request).
            let sentDate = Date(), sentInstant = ContinuousClock.now
            await scheduler.markSent(host, at: sentInstant, delay: delay)
            if firstSent == nil { firstSent = (sentDate, sentInstant) }
            logger.debug("GET", metadata: ["url": "\(spec.url)", "attempt": "\(attempt)"])
            let o = await client.perform(spec)
            await scheduler.release(host)

            var retryReason: String
            var wait: Duration?
            switch o.verdict(policy: policy) {
            case .response:
                guard let status = o.status, RetryPolicy.isRetryable(status: status) else {
                    if countsTowardHost { await scheduler.recordSuccess(host) }
                    return HopResult(outcome: o, attempts: attempt)
                }
                retryReason = "HTTP \(status)"
                if let ra = o.headers.first(where: { $0.name == "retry-after" }).flatMap({ RetryPolicy.retryAfter($0.value) }) {
                    if ra > policy.maxRetryWait {
                        let note = "HTTP \(status) with Retry-After \(FetchFormat.seconds(ra)), longer than the "
                            + "\(FetchFormat.seconds(policy.maxRetryWait)) the fetcher waits"
                        await hostFailed(host, note, policy, countsTowardHost)
                        return HopResult(outcome: o, attempts: attempt, statusNote: note)
                    }
                    wait = ra
                }
                if attempt >= maxAttempts {
                    await hostFailed(host, "\(retryReason) after \(attempt) attempts", policy, countsTowardHost)
                    return HopResult(outcome: o, attempts: attempt)
                }
                discard(o.bodyFile)
            case .transient(let reason):
                retryReason = reason
                if attempt >= maxAttempts {
                    let full = attempt > 1 ? "\(reason) (\(attempt) attempts)" : reason
                    await hostFailed(host, full, policy, countsTowardHost)
                    return HopResult(outcome: o, attempts: attempt, failure: full)
                }
            case .permanent(let reason, let hostFault):
                if hostFault { await hostFailed(host, reason, policy, countsTowardHost) }
                return HopResult(outcome: o, attempts: attempt, failure: reason)
            }
            let pause = wait ?? RetryPolicy.backoff(afterAttempt: attempt, base: policy.retryBaseDelay, cap: policy.maxRetryWait)
            logger.info("retrying", metadata: ["url": "\(spec.url)", "reason": "\(retryReason)",
                                                "attempt": "\(attempt)", "wait_s": "\(FetchFormat.seconds(pause))"])
            await scheduler.pause(host, until: .now + pause)
            if Task.isCancelled { return HopResult(outcome: o, attempts: attempt, failure: "cancelled") }
        }
    }

    private func hostFailed(_ host: String, _ reason: String, _ policy: FetchPolicy, _ counts: Bool) async {
        guard counts else { return }
        if let setAside = await scheduler.recordFailure(host, reason: reason, limit: policy.hostFailureLimit) {
            logger.warning("\(setAside)")
        }
    }
}
