import Logging
import PostgresNIO

/// The connection of an open transaction, lent to ``PostgresPool/transaction(_:)``'s body.
///
/// Each call reads its rows to the end before returning, so the next statement can run on the
/// same connection.
struct PostgresStatements {
    let connection: PostgresConnection
    let logger: Logger

    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }
}
