import GRDB

extension DatabaseWriter {
    /// Moves the write-ahead log into the database file and truncates it, so deleted rows
    /// (zeroed in place by `secure_delete`) leave no copy behind in the log.
    ///
    /// An in-memory queue has no log, so there is nothing to do.
    func eraseFreedPages() async throws {
        guard let pool = self as? DatabasePool else { return }
        _ = try await pool.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
        }
    }
}
