import Foundation
import Logging
import MinutesCore
import MinutesTestSupport
import PostgresNIO
import Testing

@testable import MinutesStorage

/// What only the PostgreSQL store does: migrating a shared server safely and failing clearly.
@Suite(.hangGuard)
struct PostgresSessionStoreTests {
    @Test func processesStartingTogetherMigrateOnce() async throws {
        try await TestDatabase.runUnopened(on: .postgres) { database in
            // When four stores open the same empty schema at once
            let backends = try await withThrowingTaskGroup(of: StorageBackend.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await database.connect() }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            // Then each version was applied once and every store is at the latest
            let store = try #require(backends.first?.store as? PostgresSessionStore)
            let rows = try await store.pool.rows("SELECT version FROM schema_migrations ORDER BY version")
            #expect(try rows.map { try $0.decode(Int.self) } == SchemaMigration.all.map(\.version))
            #expect(try await store.schemaVersion() == SchemaMigration.latestVersion)
        }
    }

    @Test func aDatabaseFromANewerMinutesIsRefused() async throws {
        try await TestDatabase.run(on: .postgres) { database, backend in
            // Given a schema a newer Minutes migrated further
            let store = try #require(backend.store as? PostgresSessionStore)
            try await store.pool.rows(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)"
            )

            // When this Minutes opens it
            let error = await #expect(throws: MinutesError.self) { _ = try await database.connect() }

            // Then it refuses, saying why
            #expect(error?.code == .storage)
            #expect(error?.message.contains("schema version 99") == true)
        }
    }

    @Test func anUnreachableServerFailsWithinTheDeadlineWithoutThePassword() async throws {
        let location = try PostgresLocation(url: "postgres://ada:s3cret-pw@127.0.0.1:1/minutes")

        let error = await #expect(throws: MinutesError.self) {
            _ = try await PostgresSessionStore(
                location: location,
                logger: Logger(label: "minutes.test", factory: { _ in SwiftLogNoOpLogHandler() }),
                connectionDeadline: .milliseconds(300)
            )
        }

        #expect(error?.code == .storage)
        #expect(error?.message.contains("postgres://ada@127.0.0.1:1/minutes") == true)
        #expect(error?.description.contains("s3cret-pw") == false)
    }
}
