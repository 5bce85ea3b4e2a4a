/// How often and how patiently one chat completion is retried.
///
/// Server errors (5xx, 408), timeouts and refused connections are retried with exponential
/// back-off and "equal jitter" (half the delay fixed, half random), so that several Minutes
/// processes that failed together do not come back together. A 429 is retried after the
/// `Retry-After` the endpoint asked for; when it asks for longer than ``maxRetryAfter`` the
/// request gives up at once instead, because waiting less than asked only earns another 429 and
/// waiting an hour is no use to someone reading minutes.
public struct LLMRetryPolicy: Hashable, Sendable {
    /// Requests made at most, the first one included.
    public var maxAttempts: Int
    /// The back-off before the second attempt; it doubles for each attempt after that.
    public var initialBackoff: Duration
    /// The back-off never grows beyond this.
    public var maxBackoff: Duration
    /// The longest `Retry-After` honoured.
    public var maxRetryAfter: Duration

    public init(
        maxAttempts: Int = 3,
        initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(8),
        maxRetryAfter: Duration = .seconds(60)
    ) {
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
    }

    /// The pause after failed attempt number `attempt` (1 for the first request).
    ///
    /// - Returns: a duration between half and all of `initialBackoff × 2^(attempt − 1)`, capped at
    ///   ``maxBackoff``.
    public func backoff(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        var ceiling = initialBackoff
        for _ in 1..<max(1, attempt) where ceiling < maxBackoff {
            ceiling *= 2
        }
        ceiling = min(ceiling, maxBackoff)
        let half = ceiling / 2
        let nanoseconds = Self.nanoseconds(half)
        guard nanoseconds > 0 else { return half }
        return half + .nanoseconds(Int64.random(in: 0...nanoseconds, using: &generator))
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
