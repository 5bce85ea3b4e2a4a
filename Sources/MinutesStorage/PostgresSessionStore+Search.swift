import Foundation
import MinutesCore
import PostgresNIO

/// Search across meetings on PostgreSQL: `tsvector` columns with GIN indexes.
extension PostgresSessionStore {
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        var names: [String]?
        if query.speaker != nil {
            let stored = try await pool.rows(PostgresQuery(unsafeSQL: SearchStatement.storedNamesSQL))
                .map { try $0.decode(String.self) }
            names = SearchStatement.matchingNames(query, stored: stored)
            if names?.isEmpty == true { return [] }
        }
        let statement = SearchStatement(query, names: names, dialect: .postgres)
        var bindings = PostgresBindings()
        for argument in statement.arguments {
            switch argument {
            case .text(let text): bindings.append(text)
            case .integer(let number): bindings.append(number)
            }
        }
        do {
            return try await pool.rows(PostgresQuery(unsafeSQL: statement.sql, binds: bindings)).map {
                try Self.hit(from: $0, marking: query.expression)
            }
        } catch  where query.raw != nil && PostgresPool.sqlState(of: error) == "42601" {
            throw MinutesError(.invalidInput, "the raw query is not valid tsquery syntax", cause: error)
        }
    }

    private static func hit(from row: PostgresRow, marking expression: SearchExpression) throws -> SearchHit {
        let row = row.makeRandomAccess()
        return SearchHit(
            session: SessionID(rawValue: try row.value("session_id")),
            title: try row.value("title"),
            startedAt: try row.date("started_at"),
            kind: SearchHit.Kind(rawValue: try row.value("kind")) ?? .said,
            at: try row.value("at_seconds"),
            speaker: try row.value("who"),
            text: try row.value("text"),
            marking: expression
        )
    }

    /// Indexes rows stored before search existed, a batch per transaction, as SQLite's store
    /// does; several servers starting at once write the same values.
    func indexForSearch() async throws {
        while true {
            let done = try await pool.transaction { statements -> Bool in
                let rows = try await statements.rows(
                    "SELECT session_id, idx, text FROM segments WHERE search_text IS NULL LIMIT 500"
                )
                for row in rows {
                    let (session, index, text) = try row.decode((String, Int, String).self)
                    try await statements.rows(
                        """
                        UPDATE segments SET search_text = \(SearchText.indexed(text))
                        WHERE session_id = \(session) AND idx = \(index)
                        """
                    )
                }
                return rows.isEmpty
            }
            if done { break }
        }
        try await pool.transaction { statements in
            let pending = try await statements.rows(
                "SELECT session_id, body FROM summaries WHERE search_indexed = 0"
            )
            for row in pending {
                let (session, body) = try row.decode((String, String).self)
                try await Self.upsert(
                    try JSONText.decode(Summary.self, from: body),
                    of: SessionID(rawValue: session),
                    statements
                )
            }
        }
    }
}
