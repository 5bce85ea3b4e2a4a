import Hummingbird
import Synchronization

/// `MINUTES_MAX_REQUESTS_PER_MINUTE` per client: 429 with `Retry-After` beyond it.
///
/// A client is its API key when the server requires one (the key was checked before this runs,
/// so it cannot be varied to dodge the limit), otherwise its address. Behind a reverse proxy
/// every request comes from the proxy's address, so the proxy should limit per client itself.
final class RateLimitMiddleware<LimitClock: Clock>: RouterMiddleware where LimitClock.Duration == Duration {
    typealias Context = MinutesRequestContext

    private let limiter: Mutex<TokenBucketLimiter<LimitClock.Instant>>
    private let clock: LimitClock
    private let keyed: Bool

    /// - Parameter keyed: whether requests carry a checked API key to count them by.
    init(perMinute: Int, keyed: Bool, clock: LimitClock) {
        limiter = Mutex(TokenBucketLimiter(perMinute: perMinute))
        self.clock = clock
        self.keyed = keyed
    }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let client =
            keyed
            ? "key:" + (request.headers[APIKeyMiddleware.headerName] ?? "")
            : "address:" + (context.remoteAddress?.ipAddress ?? "unknown")
        let now = clock.now
        let decision = limiter.withLock { $0.decide(for: client, at: now) }
        if case .refuse(let seconds) = decision {
            throw APIError.tooManyRequests(retryAfter: seconds)
        }
        return try await next(request, context)
    }
}
