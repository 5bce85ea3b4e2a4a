import Foundation
import GRDB
import MinutesCore

/// The ``SummaryCache`` of the embedded store: two tables next to the sessions they belong to.
///
/// It shares the session store's connection (``GRDBSessionStore/summaryCache``), so an entry made
/// for a session is deleted by the same foreign-key cascade as the session's segments, and the
/// store's `secure_delete` and WAL checkpointing cover it too. Summaries are stored as the same
/// key-sorted JSON text as the `summaries` table.
public struct GRDBSummaryCache: SummaryCache {
    private let writer: any DatabaseWriter

    init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    public func cachedSummary(forKey key: String) async throws -> Summary? {
        let body = try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM llm_summary_cache WHERE cache_key = ?", arguments: [key])
        }
        return try body.map { try JSONText.decode(Summary.self, from: $0) }
    }

    public func storeSummary(
        _ summary: Summary,
        forKey key: String,
        label: SummaryCacheLabel,
        session: SessionID?
    ) async throws {
        let body = try JSONText.encode(summary)
        try await mappingMissingSession(session) {
            try await writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO llm_summary_cache
                            (cache_key, session_id, model, persona, prompt_version, body, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (cache_key) DO UPDATE SET
                            session_id = excluded.session_id, model = excluded.model, persona = excluded.persona,
                            prompt_version = excluded.prompt_version, body = excluded.body,
                            created_at = excluded.created_at
                        """,
                    arguments: [
                        key, session?.rawValue, label.model, label.persona, label.promptVersion, body,
                        Date().millisecondsSince1970,
                    ]
                )
            }
        }
    }

    @discardableResult
    public func removeCachedSummaries(of session: SessionID) async throws -> Int {
        let removed = try await writer.write { db in
            try db.execute(sql: "DELETE FROM llm_summary_cache WHERE session_id = ?", arguments: [session.rawValue])
            return db.changesCount
        }
        try await writer.eraseFreedPages()
        return removed
    }

    @discardableResult
    public func removeAllCachedSummaries() async throws -> Int {
        let removed = try await writer.write { db in
            try db.execute(sql: "DELETE FROM llm_summary_cache")
            return db.changesCount
        }
        try await writer.eraseFreedPages()
        return removed
    }

    public func recordTokenUsage(_ usage: TokenUsage, model: String, for session: SessionID) async throws {
        try await mappingMissingSession(session) {
            try await writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO llm_usage
                            (session_id, model, requests, prompt_tokens, completion_tokens, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (session_id, model) DO UPDATE SET
                            requests = llm_usage.requests + excluded.requests,
                            prompt_tokens = llm_usage.prompt_tokens + excluded.prompt_tokens,
                            completion_tokens = llm_usage.completion_tokens + excluded.completion_tokens,
                            updated_at = excluded.updated_at
                        """,
                    arguments: [
                        session.rawValue, model, usage.requests, usage.promptTokens, usage.completionTokens,
                        Date().millisecondsSince1970,
                    ]
                )
            }
        }
    }

    public func tokenUsage(of session: SessionID) async throws -> [String: TokenUsage] {
        try await writer.read { db in
            var usage: [String: TokenUsage] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM llm_usage WHERE session_id = ? ORDER BY model",
                arguments: [session.rawValue]
            )
            for row in rows {
                usage[row["model"]] = TokenUsage(
                    requests: row["requests"],
                    promptTokens: row["prompt_tokens"],
                    completionTokens: row["completion_tokens"]
                )
            }
            return usage
        }
    }

    /// Runs `write`, turning the foreign-key failure of a session that does not exist into the
    /// same `.notFound` error every other store call gives for an unknown session.
    private func mappingMissingSession(_ session: SessionID?, _ write: () async throws -> Void) async throws {
        do {
            try await write()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw MinutesError.unknownSession(session?.rawValue ?? "")
        }
    }
}
