import MinutesCore

extension GRDBSessionStore {
    /// The LLM summary cache and token ledger kept in this store's database.
    ///
    /// It shares the store's connection, so one `MINUTES_DATABASE_URL` holds both and deleting a
    /// session removes its cached summaries and usage in the same transaction.
    public var summaryCache: GRDBSummaryCache {
        GRDBSummaryCache(writer: writer)
    }
}
