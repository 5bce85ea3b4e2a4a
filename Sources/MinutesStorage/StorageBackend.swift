import MinutesCore

/// The storage ports of one database, opened together and closed together.
///
/// Everything that keeps data (the CLI, the console, `minutes serve` and its job workers) takes
/// this instead of a concrete store, so SQLite and PostgreSQL are interchangeable behind
/// `MINUTES_DATABASE_URL`.
public struct StorageBackend: Sendable {
    public let store: any SessionStore
    public let summaryCache: any SummaryCache
    public let jobs: any JobQueue
    /// Which engine holds the data, for health reports.
    public let dialect: SQLDialect
    private let release: @Sendable () async throws -> Void

    /// - Parameter close: releases the connections; run once by ``close()``.
    public init(
        store: any SessionStore,
        summaryCache: any SummaryCache,
        jobs: any JobQueue,
        dialect: SQLDialect,
        close: @escaping @Sendable () async throws -> Void = {}
    ) {
        self.store = store
        self.summaryCache = summaryCache
        self.jobs = jobs
        self.dialect = dialect
        self.release = close
    }

    /// Every port over one SQLite store.
    public init(sqlite store: GRDBSessionStore, clock: any WallClock = SystemWallClock()) {
        self.init(
            store: store,
            summaryCache: store.summaryCache,
            jobs: store.jobQueue(clock: clock),
            dialect: .sqlite
        )
    }

    /// Every port over one PostgreSQL store; ``close()`` closes its connections.
    public init(postgres store: PostgresSessionStore, clock: any WallClock = SystemWallClock()) {
        self.init(
            store: store,
            summaryCache: store.summaryCache,
            jobs: store.jobQueue(clock: clock),
            dialect: .postgres,
            close: { await store.close() }
        )
    }

    /// A private in-memory SQLite database, for tests and one-shot commands.
    ///
    /// - Parameter clock: when job leases run out and retries become due.
    public static func inMemory(clock: any WallClock = SystemWallClock()) throws -> StorageBackend {
        StorageBackend(sqlite: try GRDBSessionStore(), clock: clock)
    }

    /// Releases the database connections.
    ///
    /// PostgreSQL's pool shuts down; SQLite closes with its last reference. Call it once, when
    /// nothing uses the ports any more.
    public func close() async throws {
        try await release()
    }
}
