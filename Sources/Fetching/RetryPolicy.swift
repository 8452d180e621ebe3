import Foundation

/// When to retry and how long to wait: exponential backoff with jitter, and Retry-After.
enum RetryPolicy {
    /// Statuses that are retried: 429 and the 5xx family except 501 (Not Implemented) and 505.
    static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 408 || (500...599).contains(status) && status != 501 && status != 505
    }

    /// Wait before attempt `attempt + 1` (attempt counts from 1): base × 2^(attempt−1), times a
    /// random factor in 0.5…1.5, capped at `cap`.
    static func backoff(afterAttempt attempt: Int, base: Duration, cap: Duration) -> Duration {
        let exp = base * (1 << min(max(attempt - 1, 0), 20))
        let jittered = exp * Double.random(in: 0.5...1.5)
        return min(jittered, cap)
    }

    /// Retry-After as delta-seconds ("120") or an HTTP-date (IMF-fixdate, RFC 850, asctime).
    /// A date in the past gives zero. nil when the value is neither.
    static func retryAfter(_ value: String, now: Date = Date()) -> Duration? {
        let v = value.trimmingCharacters(in: .whitespaces)
        if let n = Int(v), n >= 0 { return .seconds(n) }
        guard let date = httpDate(v) else { return nil }
        let delta = date.timeIntervalSince(now)
        return delta > 0 ? .milliseconds(Int((delta * 1000).rounded(.up))) : .zero
    }

    /// Parse the three HTTP-date forms of RFC 9110 §5.6.7.
    static func httpDate(_ s: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "GMT")
            f.dateFormat = format
            if let d = f.date(from: s) { return d }
        }
        return nil
    }
}
