import Foundation
import MinutesCore
import PostgresNIO

/// The ``SummaryCache`` of the PostgreSQL store, with the same tables and behaviour as
/// ``GRDBSummaryCache``: entries made for a session go with it by foreign-key cascade.
public struct PostgresSummaryCache: SummaryCache {
    private let pool: PostgresPool

    init(pool: PostgresPool) {
        self.pool = pool
    }

    public func cachedSummary(forKey key: String) async throws -> Summary? {
        try await pool.rows("SELECT body FROM llm_summary_cache WHERE cache_key = \(key)").first.map {
            try JSONText.decode(Summary.self, from: try $0.decode(String.self))
        }
    }

    public func storeSummary(
        _ summary: Summary,
        forKey key: String,
        label: SummaryCacheLabel,
        session: SessionID?
    ) async throws {
        let body = try JSONText.encode(summary)
        try await mappingMissingSession(session) {
            try await pool.rows(
                """
                INSERT INTO llm_summary_cache (cache_key, session_id, model, persona, prompt_version, body, created_at)
                VALUES (\(key), \(session?.rawValue), \(label.model), \(label.persona), \(label.promptVersion),
                    \(body), \(Date().millisecondsSince1970))
                ON CONFLICT (cache_key) DO UPDATE SET
                    session_id = excluded.session_id, model = excluded.model, persona = excluded.persona,
                    prompt_version = excluded.prompt_version, body = excluded.body, created_at = excluded.created_at
                """
            )
        }
    }

    @discardableResult
    public func removeCachedSummaries(of session: SessionID) async throws -> Int {
        try await pool.rows(
            "DELETE FROM llm_summary_cache WHERE session_id = \(session.rawValue) RETURNING cache_key"
        ).count
    }

    @discardableResult
    public func removeAllCachedSummaries() async throws -> Int {
        try await pool.rows("DELETE FROM llm_summary_cache RETURNING cache_key").count
    }

    public func recordTokenUsage(_ usage: TokenUsage, model: String, for session: SessionID) async throws {
        try await mappingMissingSession(session) {
            try await pool.rows(
                """
                INSERT INTO llm_usage (session_id, model, requests, prompt_tokens, completion_tokens, updated_at)
                VALUES (\(session.rawValue), \(model), \(usage.requests), \(usage.promptTokens),
                    \(usage.completionTokens), \(Date().millisecondsSince1970))
                ON CONFLICT (session_id, model) DO UPDATE SET
                    requests = llm_usage.requests + excluded.requests,
                    prompt_tokens = llm_usage.prompt_tokens + excluded.prompt_tokens,
                    completion_tokens = llm_usage.completion_tokens + excluded.completion_tokens,
                    updated_at = excluded.updated_at
                """
            )
        }
    }

    public func tokenUsage(of session: SessionID) async throws -> [String: TokenUsage] {
        var usage: [String: TokenUsage] = [:]
        for row in try await pool.rows("SELECT * FROM llm_usage WHERE session_id = \(session.rawValue)") {
            let row = row.makeRandomAccess()
            usage[try row.value("model")] = TokenUsage(
                requests: try row.value("requests"),
                promptTokens: try row.value("prompt_tokens"),
                completionTokens: try row.value("completion_tokens")
            )
        }
        return usage
    }

    /// Runs `write`, turning the foreign-key failure of a session that does not exist into the
    /// same `.notFound` error every other store call gives for an unknown session.
    private func mappingMissingSession(_ session: SessionID?, _ write: () async throws -> Void) async throws {
        do {
            try await write()
        } catch  where PostgresPool.sqlState(of: error) == "23503" {
            throw MinutesError.unknownSession(session?.rawValue ?? "")
        }
    }
}
