import Foundation
import GRDB
import MinutesCore

/// Search across meetings on SQLite: FTS5 over what was said and over the minutes' items.
extension GRDBSessionStore {
    /// The most matches one statement joins and sorts; beyond it, meetings' lines are searched
    /// one meeting at a time, newest first, until the limit is reached (the minutes' items, a
    /// few per meeting, are one statement either way).
    ///
    /// Listing newest meeting first means joining every match to its meeting and sorting:
    /// cheap for a name said a few hundred times, 100–200 ms for a word in every meeting of a
    /// thousand. One meeting's rows are a narrow rowid range FTS5 seeks into, and the newest
    /// meetings fill the limit of a common word at once. Both ways list the same hits.
    static let largestJoinedMatch = 5_000

    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        try await writer.read { db in
            var names: [String]?
            if query.speaker != nil {
                names = SearchStatement.matchingNames(
                    query,
                    stored: try String.fetchAll(db, sql: SearchStatement.storedNamesSQL)
                )
                if names?.isEmpty == true { return [] }
            }
            do {
                guard query.kinds.contains(.said), try Self.matchesMany(query, db) else {
                    return try Self.hits(of: SearchStatement(query, names: names, dialect: .sqlite), query, db)
                }
                var items = query
                items.kinds.remove(.said)
                let itemHits =
                    items.kinds.isEmpty
                    ? [] : try Self.hits(of: SearchStatement(items, names: names, dialect: .sqlite), items, db)
                var said: [SearchHit] = []
                for session in try Self.sessionsNewestFirst(query, speakers: names, db) {
                    guard let rowids = try Self.rowids(of: session, db) else { continue }
                    var one = query
                    one.kinds = [.said]
                    one.session = session
                    one.limit = query.limit - said.count
                    let statement = SearchStatement(one, names: names, dialect: .sqlite, rowids: rowids)
                    said += try Self.hits(of: statement, one, db)
                    if said.count >= query.limit { break }
                }
                return Array(Self.merged(said, itemHits).prefix(query.limit))
            } catch let error as DatabaseError where query.raw != nil {
                throw MinutesError(.invalidInput, "the raw query is not valid FTS5 syntax", cause: error)
            }
        }
    }

    private static func hits(of statement: SearchStatement, _ query: SearchQuery, _ db: Database) throws -> [SearchHit]
    {
        let arguments = StatementArguments(
            statement.arguments.map { argument -> (any DatabaseValueConvertible)? in
                switch argument {
                case .text(let text): text
                case .integer(let number): number
                }
            }
        )
        return try Row.fetchAll(db, sql: statement.sql, arguments: arguments).map {
            Self.hit(from: $0, marking: query.expression)
        }
    }

    /// Whether more segments match than one statement should join (FTS5 alone counts them).
    private static func matchesMany(_ query: SearchQuery, _ db: Database) throws -> Bool {
        let count = try Int.fetchOne(
            db,
            sql: "SELECT COUNT(*) FROM (SELECT rowid FROM segments_fts WHERE segments_fts MATCH ? LIMIT ?)",
            arguments: [query.raw ?? query.expression.fts5, largestJoinedMatch + 1]
        )
        return (count ?? 0) > largestJoinedMatch
    }

    /// Two lists each in listing order as one: meetings newest first, and within a meeting
    /// its items before what was said (``SearchHit/Kind/listingOrder``).
    private static func merged(_ said: [SearchHit], _ items: [SearchHit]) -> [SearchHit] {
        func precedes(_ left: SearchHit, _ right: SearchHit) -> Bool {
            if left.startedAt != right.startedAt { return left.startedAt > right.startedAt }
            if left.session != right.session { return left.session.rawValue < right.session.rawValue }
            return left.kind.listingOrder < right.kind.listingOrder
        }
        var result: [SearchHit] = []
        var (i, j) = (0, 0)
        while i < said.count || j < items.count {
            if j == items.count || (i < said.count && precedes(said[i], items[j])) {
                result.append(said[i])
                i += 1
            } else {
                result.append(items[j])
                j += 1
            }
        }
        return result
    }

    /// The meetings whose lines the query may find, in listing order: with a speaker filter,
    /// only meetings where one of `speakers` spoke.
    private static func sessionsNewestFirst(
        _ query: SearchQuery,
        speakers: [String]?,
        _ db: Database
    ) throws -> [SessionID] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let speakers {
            let marks = Array(repeating: "?", count: speakers.count).joined(separator: ", ")
            conditions.append("id IN (SELECT session_id FROM speakers WHERE name IN (\(marks)))")
            arguments += speakers
        }
        if let session = query.session {
            conditions.append("id = ?")
            arguments.append(session.rawValue)
        }
        if let since = query.since {
            conditions.append("started_at >= ?")
            arguments.append(since.millisecondsSince1970)
        }
        if let until = query.until {
            conditions.append("started_at < ?")
            arguments.append(until.millisecondsSince1970)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try String.fetchAll(
            db,
            sql: "SELECT id FROM sessions \(filter) ORDER BY started_at DESC, id",
            arguments: StatementArguments(arguments)
        ).map(SessionID.init(rawValue:))
    }

    /// The rowids a meeting's segments span, nil when it has none.
    private static func rowids(of session: SessionID, _ db: Database) throws -> ClosedRange<Int64>? {
        let row = try Row.fetchOne(
            db,
            sql: "SELECT MIN(rowid) AS low, MAX(rowid) AS high FROM segments WHERE session_id = ?",
            arguments: [session.rawValue]
        )
        guard let low = row?["low"] as Int64?, let high = row?["high"] as Int64? else { return nil }
        return low...high
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

    /// Drops deleted and redacted entries from the index now (``SearchIndexSchema``).
    static func optimizeSearchIndex(_ db: Database) throws {
        for statement in SearchIndexSchema.sqliteOptimizeStatements {
            try db.execute(sql: statement)
        }
    }
}
