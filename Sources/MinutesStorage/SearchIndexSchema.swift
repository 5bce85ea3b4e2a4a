/// The full-text indexes over `segments.search_text` and `summary_items.search_text`, which
/// each engine builds its own way (schema version 6).
///
/// SQLite: FTS5 tables with external content (the text lives once, in the indexed table) kept
/// in step by triggers, so every statement that inserts, redacts or deletes a row (a cascade
/// from a deleted session included) updates the index in its own transaction. PostgreSQL: a
/// stored generated `tsvector` with a GIN index, which the row carries itself. Both index text
/// ``SearchText`` folded already, so the `unicode61` and `simple` tokenizers only split at
/// spaces.
enum SearchIndexSchema {
    /// The indexed tables and the FTS5 table of each.
    static let indexedTables = [("segments", "segments_fts"), ("summary_items", "summary_items_fts")]

    static var sqliteStatements: [String] {
        indexedTables.flatMap { table, index in
            // A row is in the index exactly when its text is not NULL (not indexed yet): FTS5
            // must never be told to delete what it was not given, or its index is corrupt.
            let add = { (row: String) in
                "INSERT INTO \(index) (rowid, search_text) SELECT \(row).rowid, \(row).search_text "
                    + "WHERE \(row).search_text IS NOT NULL;"
            }
            let remove = { (row: String) in
                "INSERT INTO \(index) (\(index), rowid, search_text) SELECT 'delete', \(row).rowid, \(row).search_text "
                    + "WHERE \(row).search_text IS NOT NULL;"
            }
            return [
                """
                CREATE VIRTUAL TABLE \(index) USING fts5(
                    search_text, content='\(table)', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
                )
                """,
                """
                CREATE TRIGGER \(index)_insert AFTER INSERT ON \(table) BEGIN
                    \(add("new"))
                END
                """,
                """
                CREATE TRIGGER \(index)_delete AFTER DELETE ON \(table) BEGIN
                    \(remove("old"))
                END
                """,
                """
                CREATE TRIGGER \(index)_update AFTER UPDATE OF search_text ON \(table) BEGIN
                    \(remove("old"))
                    \(add("new"))
                END
                """,
            ]
        }
    }

    static var postgresStatements: [String] {
        indexedTables.flatMap { table, _ in
            [
                """
                ALTER TABLE \(table) ADD COLUMN search_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('simple', COALESCE(search_text, ''))) STORED
                """,
                "CREATE INDEX \(table)_search ON \(table) USING GIN (search_vector)",
            ]
        }
    }

    /// Rewrites SQLite's indexes without the entries of deleted and redacted rows.
    ///
    /// FTS5 records a deletion as a tombstone beside the old entry until segments merge;
    /// `optimize` merges them all now, so a forgotten speaker's words leave the index (and,
    /// with `secure_delete`, the file) in the transaction that forgets them.
    static let sqliteOptimizeStatements = indexedTables.map { _, index in
        "INSERT INTO \(index) (\(index)) VALUES ('optimize')"
    }
}
