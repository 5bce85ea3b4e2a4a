import MinutesCore

/// The one SQL query of a search, written once for both engines.
///
/// The engines differ only in how a row is matched (FTS5's `MATCH` against a table kept beside
/// the rows, PostgreSQL's `@@` on the row's `tsvector`), in placeholders and in how text sorts;
/// filters, the union of what was said with the minutes' items, and the listing order
/// (``MeetingSearch``) are shared.
struct SearchStatement {
    enum Argument {
        case text(String)
        case integer(Int64)
    }

    /// Every stored speaker name and action-item owner, for ``matchingNames(_:stored:)``.
    static let storedNamesSQL = """
        SELECT name FROM speakers WHERE name IS NOT NULL
        UNION SELECT owner FROM summary_items WHERE owner IS NOT NULL
        """

    /// The stored names the speaker filter matches folded as words are; nil without a filter.
    static func matchingNames(_ query: SearchQuery, stored: [String]) -> [String]? {
        query.foldedSpeaker.map { speaker in stored.filter { SearchText.indexed($0) == speaker } }
    }

    private(set) var sql = ""
    private(set) var arguments: [Argument] = []
    private let dialect: SQLDialect
    private let rowids: ClosedRange<Int64>?

    /// - Parameters:
    ///   - names: the stored speaker names and owners the speaker filter matched, or nil
    ///     without a filter (an empty list finds nothing; the caller need not ask).
    ///   - rowids: SQLite only: the segments' rows to look in, so FTS5 seeks within its
    ///     lists instead of reading them whole (one meeting's rows, see
    ///     ``GRDBSessionStore/search(_:)``).
    init(_ query: SearchQuery, names: [String]?, dialect: SQLDialect, rowids: ClosedRange<Int64>? = nil) {
        self.dialect = dialect
        self.rowids = rowids
        let items = query.kinds.filter { $0 != .said }.sorted()
        var parts: [String] = []
        if query.kinds.contains(.said) {
            parts.append(said(query, names: names))
        }
        if !items.isEmpty {
            parts.append(minutesItems(query, kinds: items, names: names))
        }
        let collation = dialect == .postgres ? " COLLATE \"C\"" : ""
        sql = """
            SELECT * FROM (\(parts.joined(separator: " UNION ALL "))) AS hits
            ORDER BY started_at DESC, session_id\(collation), listing, COALESCE(at_seconds, -1), text\(collation)
            LIMIT \(placeholder(.integer(Int64(query.limit))))
            """
    }

    private mutating func said(_ query: SearchQuery, names: [String]?) -> String {
        let source =
            dialect == .sqlite
            ? "segments_fts JOIN segments g ON g.rowid = segments_fts.rowid" : "segments g"
        return """
            SELECT g.session_id AS session_id, s.title AS title, s.started_at AS started_at, 'said' AS kind,
                \(SearchHit.Kind.said.listingOrder) AS listing, g.start_seconds AS at_seconds, COALESCE(p.name, 'Speaker ' || p.ordinal) AS who,
                g.text AS text
            FROM \(source) JOIN sessions s ON s.id = g.session_id
            LEFT JOIN speakers p ON p.session_id = g.session_id AND p.id = g.speaker_id
            WHERE \(match(query, table: "segments", alias: "g"))\(rowRange())\(filters(query))\(names.map { inList("p.name", $0) } ?? "")
            """
    }

    private mutating func minutesItems(_ query: SearchQuery, kinds: [SearchHit.Kind], names: [String]?) -> String {
        let source =
            dialect == .sqlite
            ? "summary_items_fts JOIN summary_items i ON i.rowid = summary_items_fts.rowid" : "summary_items i"
        let listing = kinds.map { "WHEN '\($0.rawValue)' THEN \($0.listingOrder)" }.joined(separator: " ")
        let match = match(query, table: "summary_items", alias: "i")
        let kindList = inList("i.kind", kinds.map(\.rawValue))
        return """
            SELECT i.session_id AS session_id, s.title AS title, s.started_at AS started_at, i.kind AS kind,
                CASE i.kind \(listing) END AS listing, i.at_seconds AS at_seconds, i.owner AS who, i.text AS text
            FROM \(source) JOIN sessions s ON s.id = i.session_id
            WHERE \(match)\(kindList)\(filters(query))\(names.map { inList("i.owner", $0) } ?? "")
            """
    }

    private mutating func match(_ query: SearchQuery, table: String, alias: String) -> String {
        switch dialect {
        case .sqlite:
            return "\(table)_fts MATCH \(placeholder(.text(query.raw ?? query.expression.fts5)))"
        case .postgres:
            let text = placeholder(.text(query.raw ?? query.expression.tsquery))
            return "\(alias).search_vector @@ to_tsquery('simple', \(text))"
        }
    }

    private mutating func rowRange() -> String {
        guard let rowids else { return "" }
        let low = placeholder(.integer(rowids.lowerBound))
        return " AND segments_fts.rowid BETWEEN \(low) AND \(placeholder(.integer(rowids.upperBound)))"
    }

    private mutating func filters(_ query: SearchQuery) -> String {
        var sql = ""
        if let session = query.session {
            sql += " AND s.id = \(placeholder(.text(session.rawValue)))"
        }
        if let since = query.since {
            sql += " AND s.started_at >= \(placeholder(.integer(since.millisecondsSince1970)))"
        }
        if let until = query.until {
            sql += " AND s.started_at < \(placeholder(.integer(until.millisecondsSince1970)))"
        }
        return sql
    }

    private mutating func inList(_ column: String, _ values: [String]) -> String {
        let list = values.map { placeholder(.text($0)) }.joined(separator: ", ")
        return " AND \(column) IN (\(list))"
    }

    private mutating func placeholder(_ argument: Argument) -> String {
        arguments.append(argument)
        return dialect == .sqlite ? "?" : "$\(arguments.count)"
    }
}
