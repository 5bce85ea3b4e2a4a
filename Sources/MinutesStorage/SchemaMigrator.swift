import Foundation
import GRDB

/// Applies ``SchemaMigration/all`` to a SQLite database, recording each version in
/// `schema_migrations`, and refuses a database written by a newer Minutes rather than
/// guessing at a schema it does not know.
enum SchemaMigrator {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: SchemaMigration.ledgerTable)
        for migration in try SchemaMigration.pending(after: try appliedVersion(db)) {
            for statement in migration.statements(for: .sqlite) {
                try db.execute(sql: statement)
            }
            try db.execute(
                sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                arguments: [migration.version, migration.name, Date().millisecondsSince1970]
            )
        }
    }

    static func appliedVersion(_ db: Database) throws -> Int {
        guard try db.tableExists("schema_migrations") else { return 0 }
        return try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(version), 0) FROM schema_migrations") ?? 0
    }
}
