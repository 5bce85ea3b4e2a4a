import Foundation
import MinutesCore

/// One versioned step of the database schema.
///
/// The statements are plain, portable SQL (TEXT, INTEGER, BIGINT, DOUBLE PRECISION), so the
/// same list migrates SQLite and PostgreSQL. Timestamps are BIGINT milliseconds since 1970,
/// booleans INTEGER 0/1, vectors and word lists JSON text.
///
/// Raw bytes are the one type the two engines spell differently (SQLite `BLOB`, PostgreSQL
/// `BYTEA`), so statements write ``binaryType`` where they need it and each backend reads them
/// through ``statements(for:)``, which substitutes its own spelling. Full-text search is the one
/// feature the engines build differently (an FTS5 table kept by triggers, a `tsvector` column
/// with a GIN index): those statements are in ``dialectStatements``.
public struct SchemaMigration: Sendable {
    /// The column type of raw bytes, replaced by ``SQLDialect/binaryType`` when a backend migrates.
    public static let binaryType = "{BINARY}"

    public var version: Int
    public var name: String
    /// The statements as written, with ``binaryType`` placeholders; run ``statements(for:)``.
    public var statements: [String]
    /// Statements only one engine runs, after the shared ones.
    public var dialectStatements: [SQLDialect: [String]] = [:]

    /// The statements in `dialect`'s spelling, ready to execute.
    public func statements(for dialect: SQLDialect) -> [String] {
        statements.map { $0.replacingOccurrences(of: Self.binaryType, with: dialect.binaryType) }
            + (dialectStatements[dialect] ?? [])
    }

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
        SchemaMigration(
            version: 4,
            name: "job queue with attachments",
            statements: [
                """
                CREATE TABLE jobs (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    state TEXT NOT NULL,
                    stage TEXT,
                    progress DOUBLE PRECISION NOT NULL,
                    attempts INTEGER NOT NULL,
                    max_attempts INTEGER NOT NULL,
                    run_after BIGINT NOT NULL,
                    worker TEXT,
                    lease_expires_at BIGINT,
                    failure_reason TEXT,
                    result TEXT,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX jobs_by_state ON jobs (state, created_at)",
                """
                CREATE TABLE job_attachments (
                    job_id TEXT PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
                    bytes \(binaryType) NOT NULL
                )
                """,
            ]
        ),
        SchemaMigration(
            version: 5,
            name: "timeline versions kept by refine",
            statements: [
                """
                CREATE TABLE timeline_versions (
                    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    version TEXT NOT NULL,
                    manifest TEXT NOT NULL,
                    PRIMARY KEY (session_id, version)
                )
                """
            ]
        ),
        SchemaMigration(
            version: 6,
            name: "search across meetings",
            statements: [
                // NULL until indexed: rows older than this version are indexed when a store opens.
                "ALTER TABLE segments ADD COLUMN search_text TEXT",
                "CREATE INDEX segments_awaiting_search ON segments (session_id) WHERE search_text IS NULL",
                "ALTER TABLE summaries ADD COLUMN search_indexed INTEGER NOT NULL DEFAULT 0",
                """
                CREATE TABLE summary_items (
                    session_id TEXT NOT NULL REFERENCES summaries(session_id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    owner TEXT,
                    at_seconds DOUBLE PRECISION,
                    search_text TEXT NOT NULL,
                    PRIMARY KEY (session_id, kind, position)
                )
                """,
            ],
            dialectStatements: [
                .sqlite: SearchIndexSchema.sqliteStatements,
                .postgres: SearchIndexSchema.postgresStatements,
            ]
        ),
        SchemaMigration(
            version: 7,
            name: "the language of each segment",
            // NULL where the language is unknown: segments stored before this version.
            statements: ["ALTER TABLE segments ADD COLUMN language TEXT"]
        ),
    ]

    /// The schema version this build of Minutes writes and understands.
    public static var latestVersion: Int { all.last?.version ?? 0 }

    /// The table where each backend records the versions it applied.
    static let ledgerTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        )
        """

    /// The migrations a database at `appliedVersion` still needs.
    ///
    /// - Throws: `.storage` when a newer Minutes wrote the database: guessing at a schema this
    ///   build does not know could lose data.
    static func pending(after appliedVersion: Int) throws -> [SchemaMigration] {
        guard appliedVersion <= latestVersion else {
            throw MinutesError(
                .storage,
                "the database has schema version \(appliedVersion), newer than this Minutes understands "
                    + "(\(latestVersion)); upgrade Minutes or use another MINUTES_DATABASE_URL"
            )
        }
        return all.filter { $0.version > appliedVersion }
    }
}
