import Foundation
import Logging
import MinutesCore
import MinutesTestSupport
import PostgresNIO
import Synchronization
import Testing

@testable import MinutesStorage

/// A fresh, empty database on one engine, for one test.
///
/// SQLite gets a file in a temporary directory; PostgreSQL a schema of its own in the database
/// `MINUTES_TEST_DATABASE_URL` names (`make test` starts a server and sets it), so tests run in
/// parallel without seeing each other's rows. ``connect()`` opens further, separately connected
/// backends on the same data, as other processes would. ``run(on:clock:_:)`` closes them all
/// and drops the schema afterwards.
final class TestDatabase: Sendable {
    let engine: StorageEngine
    let clock: FixedWallClock
    private let location: StorageConfiguration.DatabaseLocation
    private let directory: TemporaryDirectory?
    private let opened = Mutex<[StorageBackend]>([])

    private init(engine: StorageEngine, clock: FixedWallClock) throws {
        self.engine = engine
        self.clock = clock
        switch engine {
        case .sqlite:
            let directory = try TemporaryDirectory()
            self.directory = directory
            location = .sqliteFile(directory.file("minutes.sqlite"))
        case .postgres:
            directory = nil
            location = .postgres(try PostgresLocation(url: try TestPostgresServer.freshDatabaseURL()))
        }
    }

    /// Runs `body` with a fresh database and its first backend, then closes and drops it.
    static func run<Result>(
        on engine: StorageEngine,
        clock: FixedWallClock = FixedWallClock(),
        _ body: (TestDatabase, StorageBackend) async throws -> Result
    ) async throws -> Result {
        try await runUnopened(on: engine, clock: clock) { database in
            try await body(database, try await database.connect())
        }
    }

    /// Runs `body` with a fresh database that nothing has opened (or migrated) yet, then closes
    /// whatever it opened and drops it.
    static func runUnopened<Result>(
        on engine: StorageEngine,
        clock: FixedWallClock = FixedWallClock(),
        _ body: (TestDatabase) async throws -> Result
    ) async throws -> Result {
        let database = try TestDatabase(engine: engine, clock: clock)
        do {
            let result = try await body(database)
            try await database.tearDown()
            return result
        } catch {
            try? await database.tearDown()
            throw error
        }
    }

    /// Another backend on the same data, with connections of its own.
    ///
    /// PostgreSQL gets four minutes, not the 15 s a command gets, to connect and migrate:
    /// beside the engine tests, which hold the two concurrency threads for seconds at a time,
    /// the driver's tasks can wait that long to run.
    func connect() async throws -> StorageBackend {
        let backend: StorageBackend
        if case .postgres(let server) = location {
            let store = try await PostgresSessionStore(
                location: server,
                logger: Logger(label: "minutes.test", factory: { _ in SwiftLogNoOpLogHandler() }),
                connectionDeadline: .seconds(240)
            )
            backend = StorageBackend(postgres: store, clock: clock)
        } else {
            let configuration = StorageConfiguration(
                database: location,
                exportDirectory: directory?.path ?? NSTemporaryDirectory(),
                retention: RetentionPolicy(days: 30)
            )
            backend = try await configuration.open(clock: clock)
        }
        opened.withLock { $0.append(backend) }
        return backend
    }

    private func tearDown() async throws {
        let backends = opened.withLock { $0 }
        if case .postgres(let server) = location, let schema = server.schema,
            let store = backends.first?.store as? PostgresSessionStore
        {
            try await store.pool.rows(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"))
        }
        for backend in backends {
            try await backend.close()
        }
    }
}
