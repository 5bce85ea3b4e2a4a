import Foundation
import PostgresNIO

/// Applies ``SchemaMigration/all`` to a PostgreSQL database, as ``SchemaMigrator`` does to SQLite.
///
/// PostgreSQL runs DDL in transactions, so all pending versions apply in one: a failure leaves
/// the schema as it was. Processes starting together on several machines take an advisory
/// lock first, so one migrates and the others then find the work done.
enum PostgresSchemaMigrator {
    /// An arbitrary constant naming Minutes' migration locks among the database's advisory locks.
    private static let lockKey: Int32 = 0x4D49_4E55

    static func migrate(_ pool: PostgresPool) async throws {
        try await pool.transaction { statements in
            // One lock per schema: installations (and tests) in other schemas of the same
            // database migrate side by side instead of queueing behind one another.
            let schema = pool.location.schema ?? "public"
            try await statements.rows("SELECT pg_advisory_xact_lock(\(lockKey), hashtext(\(schema)))")
            if let schema = pool.location.schema {
                // The name was checked to be a plain identifier, so it can be written unquoted.
                try await statements.rows(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"))
            }
            try await statements.rows(PostgresQuery(unsafeSQL: SchemaMigration.ledgerTable))
            for migration in try SchemaMigration.pending(after: try await appliedVersion(statements)) {
                for statement in migration.statements(for: .postgres) {
                    try await statements.rows(PostgresQuery(unsafeSQL: statement))
                }
                try await statements.rows(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(migration.version), \(migration.name), \(Date().millisecondsSince1970))
                    """
                )
            }
        }
    }

    static func appliedVersion(_ pool: PostgresPool) async throws -> Int {
        try await pool.transaction { try await appliedVersion($0) }
    }

    private static func appliedVersion(_ statements: PostgresStatements) async throws -> Int {
        let rows = try await statements.rows(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"
        )
        return try rows.first?.decode(Int.self) ?? 0
    }
}
