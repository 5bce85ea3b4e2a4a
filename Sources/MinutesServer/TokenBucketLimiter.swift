import MinutesCore

/// Per-client token buckets: each client may make `perMinute` requests in a burst, refilled
/// evenly over the minute.
///
/// A pure state machine over the instants it is given, so tests drive it without waiting; the
/// middleware owns it behind a lock. Buckets that have refilled completely carry no state worth
/// keeping and are dropped when the table grows, so a scan from many addresses cannot grow it
/// without bound.
struct TokenBucketLimiter<Instant: InstantProtocol> where Instant.Duration == Duration {
    /// What to do with one request.
    enum Decision: Equatable {
        case admit
        /// Refuse; a token is back after this many whole seconds.
        case refuse(retryAfter: Int)
    }

    private struct Bucket {
        var tokens: Double
        var updated: Instant
    }

    let perMinute: Int
    /// Above this many clients, full buckets are dropped.
    let pruneThreshold: Int
    private var buckets: [String: Bucket] = [:]

    init(perMinute: Int, pruneThreshold: Int = 10_000) {
        self.perMinute = perMinute
        self.pruneThreshold = pruneThreshold
    }

    private var refillPerSecond: Double { Double(perMinute) / 60 }

    mutating func decide(for client: String, at now: Instant) -> Decision {
        var bucket = buckets[client].map { refilled($0, at: now) } ?? Bucket(tokens: Double(perMinute), updated: now)
        defer {
            buckets[client] = bucket
            if buckets.count > pruneThreshold { prune(at: now) }
        }
        guard bucket.tokens >= 1 else {
            return .refuse(retryAfter: Int(((1 - bucket.tokens) * 60 / Double(perMinute)).rounded(.up)))
        }
        bucket.tokens -= 1
        return .admit
    }

    private func refilled(_ bucket: Bucket, at now: Instant) -> Bucket {
        let elapsed = max(0, bucket.updated.duration(to: now).seconds)
        return Bucket(tokens: min(Double(perMinute), bucket.tokens + elapsed * refillPerSecond), updated: now)
    }

    private mutating func prune(at now: Instant) {
        buckets = buckets.filter { refilled($0.value, at: now).tokens < Double(perMinute) }
    }
}
