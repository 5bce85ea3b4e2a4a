import MinutesCore

/// The other ports kept in the same database, sharing the store's connection: one
/// `MINUTES_DATABASE_URL` holds them all, and deleting a session removes its cached summaries
/// and usage in the same transaction.
extension GRDBSessionStore {
    /// The LLM summary cache and token ledger.
    public var summaryCache: GRDBSummaryCache {
        GRDBSummaryCache(writer: writer)
    }

    /// The durable job queue.
    ///
    /// - Parameter clock: when leases run out and retries become due; tests move it by hand.
    public func jobQueue(clock: any WallClock = SystemWallClock()) -> GRDBJobQueue {
        GRDBJobQueue(writer: writer, clock: clock)
    }
}
