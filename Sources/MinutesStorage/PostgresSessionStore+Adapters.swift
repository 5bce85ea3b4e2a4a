import MinutesCore

/// The other ports kept in the same PostgreSQL database, sharing the store's connection pool,
/// as ``GRDBSessionStore`` shares its connection.
extension PostgresSessionStore {
    /// The LLM summary cache and token ledger.
    public var summaryCache: PostgresSummaryCache {
        PostgresSummaryCache(pool: pool)
    }

    /// The durable job queue.
    ///
    /// - Parameter clock: when leases run out and retries become due; tests move it by hand.
    public func jobQueue(clock: any WallClock = SystemWallClock()) -> PostgresJobQueue {
        PostgresJobQueue(pool: pool, clock: clock)
    }
}
