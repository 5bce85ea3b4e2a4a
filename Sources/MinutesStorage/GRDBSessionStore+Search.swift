import Foundation
import GRDB
import MinutesCore

/// Search across meetings on SQLite: FTS5 over what was said and over the minutes' items.
extension GRDBSessionStore {
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        try await writer.read { db in
            var names: [String]?
            if let speaker = query.foldedSpeaker {
                names = try Self.storedNames(db).filter { SearchText.indexed($0) == speaker }
                if names?.isEmpty == true { return [] }
            }
            let statement = SearchStatement(query, names: names, dialect: .sqlite)
            let arguments = StatementArguments(
                statement.arguments.map { argument -> (any DatabaseValueConvertible)? in
                    switch argument {
                    case .text(let text): text
                    case .integer(let number): number
                    }
                }
            )
            do {
                return try Row.fetchAll(db, sql: statement.sql, arguments: arguments).map {
                    Self.hit(from: $0, marking: query.expression)
                }
            } catch let error as DatabaseError where query.raw != nil {
                throw MinutesError(.invalidInput, "the raw query is not valid FTS5 syntax", cause: error)
            }
        }
    }

    private static func storedNames(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT name FROM speakers WHERE name IS NOT NULL
                UNION SELECT owner FROM summary_items WHERE owner IS NOT NULL
                """
        )
    }

    private static func hit(from row: Row, marking expression: SearchExpression) -> SearchHit {
        SearchHit(
            session: SessionID(rawValue: row["session_id"]),
            title: row["title"],
            startedAt: Date(millisecondsSince1970: row["started_at"]),
            kind: SearchHit.Kind(rawValue: row["kind"]) ?? .said,
            at: row["at_seconds"],
            speaker: row["who"],
            text: row["text"],
            marking: expression
        )
    }

    /// Indexes rows stored before search existed (schema 6 leaves them NULL / unindexed), a
    /// batch per transaction; nothing to do costs one indexed lookup per table.
    func indexForSearch() throws {
        while true {
            let done = try writer.write { db -> Bool in
                let rows = try Row.fetchAll(
                    db,
                    sql: "SELECT rowid, text FROM segments WHERE search_text IS NULL LIMIT 500"
                )
                for row in rows {
                    try db.execute(
                        sql: "UPDATE segments SET search_text = ? WHERE rowid = ?",
                        arguments: [SearchText.indexed(row["text"]), row["rowid"] as Int64]
                    )
                }
                return rows.isEmpty
            }
            if done { break }
        }
        try writer.write { db in
            let pending = try Row.fetchAll(db, sql: "SELECT session_id, body FROM summaries WHERE search_indexed = 0")
            for row in pending {
                let summary = try JSONText.decode(Summary.self, from: row["body"])
                try Self.upsert(summary, of: SessionID(rawValue: row["session_id"]), db)
            }
        }
    }

    /// Throws when a full-text index disagrees with its table (FTS5's `integrity-check`).
    func checkSearchIndex() throws {
        try writer.write { db in
            for (_, index) in SearchIndexSchema.indexedTables {
                try db.execute(sql: "INSERT INTO \(index) (\(index)) VALUES ('integrity-check')")
            }
        }
    }

    /// Drops deleted and redacted entries from the index now (``SearchIndexSchema``).
    static func optimizeSearchIndex(_ db: Database) throws {
        for statement in SearchIndexSchema.sqliteOptimizeStatements {
            try db.execute(sql: statement)
        }
    }
}
