import Foundation

/// Per-host politeness state for one run: a connection cap (a FIFO semaphore), the earliest start of
/// the next request (spacing by the effective delay, start to start), and the failure count that sets
/// a host aside. Hosts are keyed by `host:port`; different hosts never wait for each other.
actor HostScheduler {
    private struct Host {
        var active = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
        var nextStart: ContinuousClock.Instant?
        var consecutiveFailures = 0
        var setAside: String?
    }

    private var hosts: [String: Host] = [:]

    /// Wait for a connection slot on `host` (at most `limit` in flight).
    func acquire(_ host: String, limit: Int) async {
        if hosts[host, default: Host()].active < max(1, limit) {
            hosts[host, default: Host()].active += 1
            return
        }
        await withCheckedContinuation { hosts[host, default: Host()].waiters.append($0) }
    }

    /// Hand the slot to the next waiter, or free it.
    func release(_ host: String) {
        guard var h = hosts[host] else { return }
        if h.waiters.isEmpty {
            h.active = max(0, h.active - 1)
            hosts[host] = h
        } else {
            let next = h.waiters.removeFirst()
            hosts[host] = h
            next.resume()
        }
    }

    /// Reserve the start time of a request that holds a slot: no earlier than `delay` after the
    /// previous reserved start. The caller sleeps until the returned instant.
    func reserveStart(_ host: String, delay: Duration) -> ContinuousClock.Instant {
        let now = ContinuousClock.now
        var h = hosts[host, default: Host()]
        let start = max(now, h.nextStart ?? now)
        h.nextStart = start + delay
        hosts[host] = h
        return start
    }

    /// The request reserved at some start actually left at `instant` (possibly later): the next
    /// start is no earlier than `instant + delay`.
    func markSent(_ host: String, at instant: ContinuousClock.Instant, delay: Duration) {
        var h = hosts[host, default: Host()]
        h.nextStart = max(h.nextStart ?? instant + delay, instant + delay)
        hosts[host] = h
    }

    /// Give back a reserved start that was never used (the request was cancelled before it went out).
    func unreserveStart(_ host: String, start: ContinuousClock.Instant, delay: Duration) {
        if hosts[host]?.nextStart == start + delay { hosts[host]?.nextStart = start }
    }

    /// Push the host's next start back (backoff, Retry-After): every queued request waits.
    func pause(_ host: String, until instant: ContinuousClock.Instant) {
        var h = hosts[host, default: Host()]
        h.nextStart = max(h.nextStart ?? instant, instant)
        hosts[host] = h
    }

    /// Why the host is set aside, or nil.
    func setAsideReason(_ host: String) -> String? { hosts[host]?.setAside }

    func recordSuccess(_ host: String) {
        hosts[host, default: Host()].consecutiveFailures = 0
    }

    /// Count a failed request; returns the set-aside reason when this failure reaches the limit.
    func recordFailure(_ host: String, reason: String, limit: Int) -> String? {
        var h = hosts[host, default: Host()]
        h.consecutiveFailures += 1
        var newly: String?
        if h.setAside == nil, limit > 0, h.consecutiveFailures >= limit {
            h.setAside = "host \(host) set aside for this run after \(h.consecutiveFailures) consecutive failed requests (last: \(reason))"
            newly = h.setAside
        }
        hosts[host] = h
        return newly
    }

    /// Set a host aside directly (e.g. robots.txt unreachable).
    func setAside(_ host: String, reason: String) {
        hosts[host, default: Host()].setAside = reason
    }
}
