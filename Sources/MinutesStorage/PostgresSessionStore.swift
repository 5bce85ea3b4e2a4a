import Foundation
import Logging
import MinutesCore
import PostgresNIO

/// The ``SessionStore`` for several machines: PostgreSQL through postgres-nio.
///
/// Tables, columns and encodings are the SQLite store's (``SchemaMigration/all`` migrates both),
/// so the two stores behave alike; orderings by text use the `C` collation to sort as SQLite
/// does whatever the server's locale. Call ``close()`` when done: the store owns a connection
/// pool and the task that runs it.
public final class PostgresSessionStore: SessionStore {
    /// Internal so that ``PostgresSummaryCache`` and ``PostgresJobQueue`` share the connections.
    let pool: PostgresPool

    /// Connects to `location` and migrates it to the latest schema.
    ///
    /// - Parameters:
    ///   - logger: for the driver's connection events (never below debug level, since its
    ///     trace messages print rows).
    ///   - connectionDeadline: how long to wait for the first connection. The driver keeps
    ///     retrying an unreachable server for a minute; a command should say so sooner.
    /// - Throws: `.storage` when the server cannot be reached in time or refuses, or the
    ///   database was written by a newer Minutes.
    public init(location: PostgresLocation, logger: Logger, connectionDeadline: Duration = .seconds(15)) async throws {
        let pool = PostgresPool(location: location, logger: logger)
        self.pool = pool
        do {
            try await pool.withinDeadline(connectionDeadline) {
                try await PostgresSchemaMigrator.migrate(pool)
            }
            try await indexForSearch()
        } catch {
            await pool.close()
            throw error
        }
    }

    /// Closes the connections; the store cannot be used afterwards.
    public func close() async {
        await pool.close()
    }

    /// The schema version recorded in the database.
    public func schemaVersion() async throws -> Int {
        try await PostgresSchemaMigrator.appliedVersion(pool)
    }

    // MARK: Sessions

    public func insertSession(_ session: Session) async throws {
        let bookmarks = try JSONText.encode(session.bookmarks)
        try await pool.rows(
            """
            INSERT INTO sessions (id, title, language, persona, started_at, ended_at, bookmarks)
            VALUES (\(session.id.rawValue), \(session.title), \(session.language), \(session.persona),
                \(session.startedAt.millisecondsSince1970), \(session.endedAt?.millisecondsSince1970), \(bookmarks))
            """
        )
    }

    public func updateSession(_ session: Session) async throws {
        let bookmarks = try JSONText.encode(session.bookmarks)
        try await pool.rows(
            """
            UPDATE sessions SET title = \(session.title), language = \(session.language),
                persona = \(session.persona), started_at = \(session.startedAt.millisecondsSince1970),
                ended_at = \(session.endedAt?.millisecondsSince1970), bookmarks = \(bookmarks)
            WHERE id = \(session.id.rawValue)
            """
        )
    }

    public func session(_ id: SessionID) async throws -> Session? {
        try await pool.rows("SELECT * FROM sessions WHERE id = \(id.rawValue)").first.map(Self.session(from:))
    }

    public func sessions() async throws -> [Session] {
        try await pool.rows("SELECT * FROM sessions ORDER BY started_at DESC, id COLLATE \"C\"")
            .map(Self.session(from:))
    }

    @discardableResult
    public func deleteSession(_ id: SessionID) async throws -> Bool {
        try await !pool.rows("DELETE FROM sessions WHERE id = \(id.rawValue) RETURNING id").isEmpty
    }

    private static func session(from row: PostgresRow) throws -> Session {
        let row = row.makeRandomAccess()
        return Session(
            id: SessionID(rawValue: try row.value("id")),
            title: try row.value("title"),
            language: try row.value("language"),
            persona: try row.value("persona"),
            startedAt: try row.date("started_at"),
            endedAt: try row.optionalDate("ended_at"),
            bookmarks: try row.json("bookmarks", as: [Double].self)
        )
    }

    // MARK: Segments

    /// Locks the session's row first, so concurrent appends to one session (from any process)
    /// take turns reading the last index and never share one, and a forget (which takes the
    /// same lock) is either wholly before or wholly after.
    public func appendSegments(
        _ segments: [Segment],
        to session: SessionID,
        adding newSpeakers: [Speaker]
    )
        async throws -> [Segment]
    {
        try await pool.transaction { statements in
            try await statements.rows("SELECT id FROM sessions WHERE id = \(session.rawValue) FOR UPDATE")
            for speaker in newSpeakers {
                try await statements.rows(Self.saving(speaker, replacing: false))
            }
            let forgotten = try await Self.forgottenSpeakers(of: session, statements)
            let last = try await statements.rows(
                "SELECT COALESCE(MAX(idx), -1) + 1 FROM segments WHERE session_id = \(session.rawValue)"
            )
            var next = try last.first?.decode(Int.self) ?? 0
            var stored: [Segment] = []
            for segment in segments {
                var segment = segment.speaker.map(forgotten.contains) == true ? segment.redacted : segment
                segment.index = next
                next += 1
                let words = try JSONText.encode(segment.words)
                try await statements.rows(Self.insertion(of: segment, words: words, into: session))
                stored.append(segment)
            }
            return stored
        }
    }

    /// The session's speakers marked forgotten, as the transaction sees them.
    static func forgottenSpeakers(
        of session: SessionID,
        _ statements: PostgresStatements
    ) async throws
        -> Set<SpeakerID>
    {
        Set(
            try await statements.rows(
                "SELECT id FROM speakers WHERE session_id = \(session.rawValue) AND forgotten = 1"
            ).map { SpeakerID(rawValue: try $0.decode(String.self)) }
        )
    }

    static func insertion(of segment: Segment, words: String, into session: SessionID) -> PostgresQuery {
        """
        INSERT INTO segments
            (session_id, idx, start_seconds, end_seconds, speaker_id, text, words, search_text, language)
        VALUES (\(session.rawValue), \(segment.index), \(segment.start), \(segment.end),
            \(segment.speaker?.rawValue), \(segment.text), \(words), \(SearchText.indexed(segment.text)),
            \(segment.language))
        """
    }

    public func segments(of session: SessionID) async throws -> [Segment] {
        try await pool.rows("SELECT * FROM segments WHERE session_id = \(session.rawValue) ORDER BY idx").map {
            let row = $0.makeRandomAccess()
            return Segment(
                index: try row.value("idx"),
                start: try row.value("start_seconds"),
                end: try row.value("end_seconds"),
                speaker: try row.value("speaker_id", as: String?.self).map(SpeakerID.init(rawValue:)),
                text: try row.value("text"),
                words: try row.json("words", as: [Word].self),
                language: try row.value("language", as: String?.self)
            )
        }
    }

    // MARK: Speakers

    public func saveSpeaker(_ speaker: Speaker) async throws {
        try await pool.rows(Self.saving(speaker))
    }

    /// One statement: a forget holding the speaker's row makes it wait, then find it forgotten.
    public func updateSpeakerUnlessForgotten(_ speaker: Speaker) async throws -> Bool {
        try await !pool.rows(
            """
            UPDATE speakers SET name = \(speaker.name), profile_id = \(speaker.profile?.rawValue)
            WHERE session_id = \(speaker.session.rawValue) AND id = \(speaker.id.rawValue) AND forgotten = 0
            RETURNING id
            """
        ).isEmpty
    }

    /// - Parameter replacing: whether a stored speaker with the same id is overwritten or kept.
    static func saving(_ speaker: Speaker, replacing: Bool = true) -> PostgresQuery {
        """
        INSERT INTO speakers (session_id, id, cluster, ordinal, name, profile_id, forgotten)
        VALUES (\(speaker.session.rawValue), \(speaker.id.rawValue), \(speaker.cluster), \(speaker.ordinal),
            \(speaker.name), \(speaker.profile?.rawValue), \(speaker.isForgotten ? 1 : 0))
        \(unescaped: SpeakerConflict.clause(replacing: replacing))
        """
    }

    public func speakers(of session: SessionID) async throws -> [Speaker] {
        try await pool.rows("SELECT * FROM speakers WHERE session_id = \(session.rawValue) ORDER BY ordinal")
            .map(Self.speaker(from:))
    }

    public func speakers(linkedTo profile: ProfileID) async throws -> [Speaker] {
        try await pool.rows(
            """
            SELECT * FROM speakers WHERE profile_id = \(profile.rawValue)
            ORDER BY session_id COLLATE "C", ordinal
            """
        ).map(Self.speaker(from:))
    }

    private static func speaker(from row: PostgresRow) throws -> Speaker {
        let row = row.makeRandomAccess()
        return Speaker(
            id: SpeakerID(rawValue: try row.value("id")),
            session: SessionID(rawValue: try row.value("session_id")),
            cluster: try row.value("cluster"),
            ordinal: try row.value("ordinal"),
            name: try row.value("name"),
            profile: try row.value("profile_id", as: String?.self).map(ProfileID.init(rawValue:)),
            isForgotten: try row.value("forgotten", as: Int.self) != 0
        )
    }

    // MARK: Summaries

    public func saveSummary(_ summary: Summary?, for session: SessionID) async throws {
        guard let summary else {
            try await pool.rows("DELETE FROM summaries WHERE session_id = \(session.rawValue)")
            return
        }
        try await pool.transaction { try await Self.upsert(summary, of: session, $0) }
    }

    /// Stores the summary with its decisions and action items indexed for search.
    static func upsert(_ summary: Summary, of session: SessionID, _ statements: PostgresStatements) async throws {
        let body = try JSONText.encode(summary)
        try await statements.rows(
            """
            INSERT INTO summaries (session_id, body, search_indexed) VALUES (\(session.rawValue), \(body), 1)
            ON CONFLICT (session_id) DO UPDATE SET body = excluded.body, search_indexed = 1
            """
        )
        try await statements.rows("DELETE FROM summary_items WHERE session_id = \(session.rawValue)")
        for item in IndexedSummaryItem.items(of: summary) {
            try await statements.rows(
                """
                INSERT INTO summary_items (session_id, kind, position, text, owner, at_seconds, search_text)
                VALUES (\(session.rawValue), \(item.kind.rawValue), \(item.position), \(item.text), \(item.owner),
                    \(item.at), \(item.searchText))
                """
            )
        }
    }

    /// Locks the session's row first, as a forget does, so it is wholly before or after.
    public func saveSummary(
        _ summary: Summary,
        for session: SessionID,
        ifForgottenAre forgotten: Set<SpeakerID>
    )
        async throws -> Bool
    {
        try await pool.transaction { statements in
            try await statements.rows("SELECT id FROM sessions WHERE id = \(session.rawValue) FOR UPDATE")
            guard try await Self.forgottenSpeakers(of: session, statements) == forgotten else { return false }
            try await Self.upsert(summary, of: session, statements)
            return true
        }
    }

    public func summary(of session: SessionID) async throws -> Summary? {
        try await pool.rows("SELECT body FROM summaries WHERE session_id = \(session.rawValue)").first.map {
            try JSONText.decode(Summary.self, from: try $0.decode(String.self))
        }
    }

    // MARK: Stored exports

    public func recordExport(_ export: StoredExport) async throws {
        try await pool.rows(
            """
            INSERT INTO stored_exports (id, session_id, format, file_name, byte_count, created_at)
            VALUES (\(export.id.rawValue), \(export.session.rawValue), \(export.format.rawValue), \(export.fileName),
                \(export.byteCount), \(export.createdAt.millisecondsSince1970))
            ON CONFLICT (id) DO UPDATE SET byte_count = excluded.byte_count
            """
        )
    }

    public func storedExport(_ id: ExportID) async throws -> StoredExport? {
        try await pool.rows("SELECT * FROM stored_exports WHERE id = \(id.rawValue)").first
            .map(Self.storedExport(from:))
    }

    public func storedExports(of session: SessionID?) async throws -> [StoredExport] {
        try await pool.rows(
            """
            SELECT * FROM stored_exports WHERE \(session?.rawValue)::TEXT IS NULL OR session_id = \(session?.rawValue)
            ORDER BY created_at DESC, id COLLATE "C"
            """
        ).map(Self.storedExport(from:))
    }

    public func deleteExportRecord(_ id: ExportID) async throws {
        try await pool.rows("DELETE FROM stored_exports WHERE id = \(id.rawValue)")
    }

    private static func storedExport(from row: PostgresRow) throws -> StoredExport {
        let row = row.makeRandomAccess()
        return StoredExport(
            id: ExportID(rawValue: try row.value("id")),
            session: SessionID(rawValue: try row.value("session_id")),
            format: ExportFormat(rawValue: try row.value("format")) ?? .json,
            fileName: try row.value("file_name"),
            byteCount: try row.value("byte_count"),
            createdAt: try row.date("created_at")
        )
    }

    // MARK: Profiles

    public func saveProfile(_ profile: SpeakerProfile) async throws {
        let prints = try JSONText.encode(profile.voicePrints)
        try await pool.rows(
            """
            INSERT INTO profiles (id, name, voice_prints, created_at)
            VALUES (\(profile.id.rawValue), \(profile.name), \(prints), \(profile.createdAt.millisecondsSince1970))
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, voice_prints = excluded.voice_prints
            """
        )
    }

    public func profile(_ id: ProfileID) async throws -> SpeakerProfile? {
        try await pool.rows("SELECT * FROM profiles WHERE id = \(id.rawValue)").first.map(Self.profile(from:))
    }

    public func profiles() async throws -> [SpeakerProfile] {
        try await pool.rows("SELECT * FROM profiles ORDER BY name COLLATE \"C\"").map(Self.profile(from:))
    }

    public func deleteProfile(_ id: ProfileID) async throws {
        try await pool.rows("DELETE FROM profiles WHERE id = \(id.rawValue)")
    }

    private static func profile(from row: PostgresRow) throws -> SpeakerProfile {
        let row = row.makeRandomAccess()
        return SpeakerProfile(
            id: ProfileID(rawValue: try row.value("id")),
            name: try row.value("name"),
            voicePrints: try row.json("voice_prints", as: [[Float]].self),
            createdAt: try row.date("created_at")
        )
    }
}
