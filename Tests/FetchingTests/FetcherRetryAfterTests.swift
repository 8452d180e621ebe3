import Foundation
import Testing
@testable import Fetching

/// Retry-After parsing, backoff bounds and the message formats.
@Suite struct FetcherRetryAfterTests {
    @Test func deltaSeconds() {
        #expect(RetryPolicy.retryAfter("120") == .seconds(120))
        #expect(RetryPolicy.retryAfter(" 0 ") == .zero)
        #expect(RetryPolicy.retryAfter("soon") == nil)
        #expect(RetryPolicy.retryAfter("-5") == nil)
    }

    @Test func httpDates() {
        // 2026-11-21 12:00:00 UTC = 1795262400 (date -u -d '2026-11-21 12:00:00' +%s).
        let now = Date(timeIntervalSince1970: 1_795_262_400)
        #expect(RetryPolicy.retryAfter("Sat, 21 Nov 2026 12:01:30 GMT", now: now) == .seconds(90))
        #expect(RetryPolicy.retryAfter("Saturday, 21-Nov-26 12:00:10 GMT", now: now) == .seconds(10))
        #expect(RetryPolicy.retryAfter("Sat Nov 21 12:00:05 2026", now: now) == .seconds(5))
        #expect(RetryPolicy.retryAfter("Sat, 21 Nov 2026 11:00:00 GMT", now: now) == .zero)
    }

    @Test func backoffGrowsWithJitterAndCap() {
        for _ in 0..<50 {
            let first = RetryPolicy.backoff(afterAttempt: 1, base: .seconds(1), cap: .seconds(60))
            let third = RetryPolicy.backoff(afterAttempt: 3, base: .seconds(1), cap: .seconds(60))
            let tenth = RetryPolicy.backoff(afterAttempt: 10, base: .seconds(1), cap: .seconds(60))
            #expect(first >= .milliseconds(500) && first <= .milliseconds(1500))
            #expect(third >= .seconds(2) && third <= .seconds(6))
            #expect(tenth <= .seconds(60))
        }
    }

    @Test func retryableStatuses() {
        #expect(RetryPolicy.isRetryable(status: 429))
        #expect(RetryPolicy.isRetryable(status: 503))
        #expect(RetryPolicy.isRetryable(status: 500))
        #expect(!RetryPolicy.isRetryable(status: 501))
        #expect(!RetryPolicy.isRetryable(status: 404))
        #expect(!RetryPolicy.isRetryable(status: 200))
    }

    @Test func formats() {
        #expect(FetchFormat.bytes(50 << 20) == "50 MB")
        #expect(FetchFormat.bytes(4096) == "4 KB")
        #expect(FetchFormat.bytes(1000) == "1000 bytes")
        #expect(FetchFormat.seconds(.seconds(120)) == "120 s")
        #expect(FetchFormat.seconds(.milliseconds(500)) == "0.5 s")
    }
}
