/// One versioned step of the database schema.
///
/// The statements are plain, portable SQL (TEXT, INTEGER, BIGINT, DOUBLE PRECISION, no
/// engine-specific types), so the same list migrates SQLite and PostgreSQL. Timestamps are
/// BIGINT milliseconds since 1970, booleans INTEGER 0/1, vectors and word lists JSON text.
public struct SchemaMigration: Sendable {
    public var version: Int
    public var name: String
    public var statements: [String]

    /// Every migration in order.
    ///
    /// Append new ones; never edit one that has shipped.
    public static let all: [SchemaMigration] = [
        SchemaMigration(
            version: 1,
            name: "sessions, speakers, segments, summaries, exports, profiles",
            statements: [
                """
                CREATE TABLE sessions (
                    id TEXT PRIMARY KEY,
                    title TEXT NOT NULL,
                    language TEXT NOT NULL,
                    persona TEXT NOT NULL,
                    started_at BIGINT NOT NULL,
                    ended_at BIGINT
                )
                """,
                """
                CREATE TABLE profiles (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    voice_prints TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE speakers (
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    cluster TEXT NOT NULL,
                    ordinal INTEGER NOT NULL,
                    name TEXT,
                    profile_id TEXT REFERENCES profiles(id) ON DELETE SET NULL,
                    forgotten INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (session_id, id)
                )
                """,
                """
                CREATE TABLE segments (
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    start_seconds DOUBLE PRECISION NOT NULL,
                    end_seconds DOUBLE PRECISION NOT NULL,
                    speaker_id TEXT,
                    text TEXT NOT NULL,
                    words TEXT NOT NULL,
                    PRIMARY KEY (session_id, idx)
                )
                """,
                """
                CREATE TABLE summaries (
                    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
                    body TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE stored_exports (
                    id TEXT PRIMARY KEY,
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    format TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    byte_count BIGINT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX stored_exports_by_session ON stored_exports (session_id)",
            ]
        ),
        SchemaMigration(
            version: 2,
            name: "LLM summary cache and token usage",
            statements: [
                """
                CREATE TABLE llm_summary_cache (
                    cache_key TEXT PRIMARY KEY,
                    session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
                    model TEXT NOT NULL,
                    persona TEXT NOT NULL,
                    prompt_version TEXT NOT NULL,
                    body TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX llm_summary_cache_by_session ON llm_summary_cache (session_id)",
                """
                CREATE TABLE llm_usage (
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    model TEXT NOT NULL,
                    requests INTEGER NOT NULL,
                    prompt_tokens BIGINT NOT NULL,
                    completion_tokens BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    PRIMARY KEY (session_id, model)
                )
                """,
            ]
        ),
        SchemaMigration(
            version: 3,
            name: "session bookmarks",
            statements: ["ALTER TABLE sessions ADD COLUMN bookmarks TEXT NOT NULL DEFAULT '[]'"]
        ),
    ]

    /// The schema version this build of Minutes writes and understands.
    public static var latestVersion: Int { all.last?.version ?? 0 }
}
