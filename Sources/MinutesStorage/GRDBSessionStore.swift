import Foundation
import GRDB
import Logging
import MinutesCore

/// The embedded ``SessionStore``: SQLite through GRDB, in WAL mode with foreign keys on.
///
/// `secure_delete` is on and forgetting checkpoints the WAL, so a forgotten speaker's text
/// does not linger in free pages or the write-ahead log.
public final class GRDBSessionStore: SessionStore {
    /// Internal rather than private so that ``GRDBSummaryCache`` shares the same connection.
    let writer: any DatabaseWriter

    /// Opens (creating if needed) the database at `path` and migrates it to the latest schema.
    /// - Throws: `.storage` when the directory is unwritable, the file is not a SQLite database
    ///   or is corrupt (the file is left untouched), or it was written by a newer Minutes.
    public init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw MinutesError(.storage, "cannot create the database directory \(directory)", cause: error)
        }
        do {
            writer = try DatabasePool(path: path, configuration: Self.configuration)
        } catch {
            throw Self.openingError(error, path: path)
        }
        try migrate(describing: path)
        try indexForSearch()
    }

    /// A private in-memory database, for tests and one-shot commands.
    public init() throws {
        writer = try DatabaseQueue(configuration: Self.configuration)
        try migrate(describing: "in-memory database")
        try indexForSearch()
    }

    private static var configuration: Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // The console, CLI commands and `minutes serve` may share one file: a writer waits for
        // another process's transaction instead of failing at once.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return configuration
    }

    private static func openingError(_ error: any Error, path: String) -> MinutesError {
        if let error = error as? DatabaseError, [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            return MinutesError(
                .storage,
                "\(path) is not a Minutes database or is corrupt; it was left untouched. "
                    + "Move it aside or point MINUTES_DATABASE_URL elsewhere.",
                cause: error
            )
        }
        return MinutesError(.storage, "cannot open the database at \(path)", cause: error)
    }

    private func migrate(describing location: String) throws {
        do {
            try writer.write { db in
                try SchemaMigrator.migrate(db)
            }
        } catch let error as MinutesError {
            throw MinutesError(error.code, "\(location): \(error.message)")
        } catch {
            throw Self.openingError(error, path: location)
        }
    }

    /// The schema version recorded in the database.
    public func schemaVersion() throws -> Int {
        try writer.read { db in try SchemaMigrator.appliedVersion(db) }
    }

    // MARK: Sessions

    public func insertSession(_ session: Session) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions (id, title, language, persona, started_at, ended_at, bookmarks)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.id.rawValue, session.title, session.language, session.persona,
                    session.startedAt.millisecondsSince1970, session.endedAt?.millisecondsSince1970,
                    try JSONText.encode(session.bookmarks),
                ]
            )
        }
    }

    public func updateSession(_ session: Session) async throws {
        try await writer.write { db in
            try db.execute(
                sql:
                    """
                    UPDATE sessions SET title = ?, language = ?, persona = ?, started_at = ?, ended_at = ?, bookmarks = ?
                    WHERE id = ?
                    """,
                arguments: [
                    session.title, session.language, session.persona, session.startedAt.millisecondsSince1970,
                    session.endedAt?.millisecondsSince1970, try JSONText.encode(session.bookmarks), session.id.rawValue,
                ]
            )
        }
    }

    public func session(_ id: SessionID) async throws -> Session? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id.rawValue])
                .map { try Self.session(from: $0) }
        }
    }

    public func sessions() async throws -> [Session] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sessions ORDER BY started_at DESC, id")
                .map { try Self.session(from: $0) }
        }
    }

    @discardableResult
    public func deleteSession(_ id: SessionID) async throws -> Bool {
        let deleted = try await writer.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id.rawValue])
            let deleted = db.changesCount > 0
            if deleted { try Self.optimizeSearchIndex(db) }
            return deleted
        }
        try await writer.eraseFreedPages()
        return deleted
    }

    private static func session(from row: Row) throws -> Session {
        Session(
            id: SessionID(rawValue: row["id"]),
            title: row["title"],
            language: row["language"],
            persona: row["persona"],
            startedAt: Date(millisecondsSince1970: row["started_at"]),
            endedAt: (row["ended_at"] as Int64?).map(Date.init(millisecondsSince1970:)),
            bookmarks: try JSONText.decode([Double].self, from: row["bookmarks"])
        )
    }

    // MARK: Segments

    public func appendSegments(
        _ segments: [Segment],
        to session: SessionID,
        adding newSpeakers: [Speaker]
    )
        async throws -> [Segment]
    {
        try await writer.write { db in
            for speaker in newSpeakers {
                try Self.save(speaker, replacing: false, db)
            }
            let forgotten = try Self.forgottenSpeakers(of: session, db)
            var next =
                try Int.fetchOne(
                    db,
                    sql: "SELECT COALESCE(MAX(idx), -1) + 1 FROM segments WHERE session_id = ?",
                    arguments: [session.rawValue]
                ) ?? 0
            var stored: [Segment] = []
            for segment in segments {
                var segment = segment.speaker.map(forgotten.contains) == true ? segment.redacted : segment
                segment.index = next
                next += 1
                try Self.insert(segment, words: try JSONText.encode(segment.words), into: session, db)
                stored.append(segment)
            }
            return stored
        }
    }

    /// The session's speakers marked forgotten, as the transaction sees them.
    static func forgottenSpeakers(of session: SessionID, _ db: Database) throws -> Set<SpeakerID> {
        Set(
            try String.fetchAll(
                db,
                sql: "SELECT id FROM speakers WHERE session_id = ? AND forgotten = 1",
                arguments: [session.rawValue]
            ).map(SpeakerID.init(rawValue:))
        )
    }

    static func insert(_ segment: Segment, words: String, into session: SessionID, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO segments
                    (session_id, idx, start_seconds, end_seconds, speaker_id, text, words, search_text, language)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                session.rawValue, segment.index, segment.start, segment.end, segment.speaker?.rawValue,
                segment.text, words, SearchText.indexed(segment.text), segment.language,
            ]
        )
    }

    public func segments(of session: SessionID) async throws -> [Segment] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM segments WHERE session_id = ? ORDER BY idx",
                arguments: [session.rawValue]
            ).map { row in
                Segment(
                    index: row["idx"],
                    start: row["start_seconds"],
                    end: row["end_seconds"],
                    speaker: (row["speaker_id"] as String?).map(SpeakerID.init(rawValue:)),
                    text: row["text"],
                    words: try JSONText.decode([Word].self, from: row["words"]),
                    language: row["language"]
                )
            }
        }
    }

    // MARK: Speakers

    public func saveSpeaker(_ speaker: Speaker) async throws {
        try await writer.write { db in try Self.save(speaker, db) }
    }

    public func updateSpeakerUnlessForgotten(_ speaker: Speaker) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE speakers SET name = ?, profile_id = ? WHERE session_id = ? AND id = ? AND forgotten = 0",
                arguments: [speaker.name, speaker.profile?.rawValue, speaker.session.rawValue, speaker.id.rawValue]
            )
            return db.changesCount > 0
        }
    }

    /// - Parameter replacing: whether a stored speaker with the same id is overwritten or kept.
    static func save(_ speaker: Speaker, replacing: Bool = true, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO speakers (session_id, id, cluster, ordinal, name, profile_id, forgotten)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                \(SpeakerConflict.clause(replacing: replacing))
                """,
            arguments: [
                speaker.session.rawValue, speaker.id.rawValue, speaker.cluster, speaker.ordinal, speaker.name,
                speaker.profile?.rawValue, speaker.isForgotten ? 1 : 0,
            ]
        )
    }

    public func speakers(of session: SessionID) async throws -> [Speaker] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM speakers WHERE session_id = ? ORDER BY ordinal",
                arguments: [session.rawValue]
            ).map(Self.speaker(from:))
        }
    }

    public func speakers(linkedTo profile: ProfileID) async throws -> [Speaker] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM speakers WHERE profile_id = ? ORDER BY session_id, ordinal",
                arguments: [profile.rawValue]
            ).map(Self.speaker(from:))
        }
    }

    private static func speaker(from row: Row) -> Speaker {
        Speaker(
            id: SpeakerID(rawValue: row["id"]),
            session: SessionID(rawValue: row["session_id"]),
            cluster: row["cluster"],
            ordinal: row["ordinal"],
            name: row["name"],
            profile: (row["profile_id"] as String?).map(ProfileID.init(rawValue:)),
            isForgotten: (row["forgotten"] as Int) != 0
        )
    }

    // MARK: Summaries

    public func saveSummary(_ summary: Summary?, for session: SessionID) async throws {
        try await writer.write { db in
            if let summary {
                try Self.upsert(summary, of: session, db)
            } else {
                try db.execute(sql: "DELETE FROM summaries WHERE session_id = ?", arguments: [session.rawValue])
            }
        }
    }

    public func saveSummary(
        _ summary: Summary,
        for session: SessionID,
        ifForgottenAre forgotten: Set<SpeakerID>
    )
        async throws -> Bool
    {
        try await writer.write { db in
            guard try Self.forgottenSpeakers(of: session, db) == forgotten else { return false }
            try Self.upsert(summary, of: session, db)
            return true
        }
    }

    /// Stores the summary with its decisions and action items indexed for search.
    static func upsert(_ summary: Summary, of session: SessionID, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO summaries (session_id, body, search_indexed) VALUES (?, ?, 1)
                ON CONFLICT (session_id) DO UPDATE SET body = excluded.body, search_indexed = 1
                """,
            arguments: [session.rawValue, try JSONText.encode(summary)]
        )
        try db.execute(sql: "DELETE FROM summary_items WHERE session_id = ?", arguments: [session.rawValue])
        for item in IndexedSummaryItem.items(of: summary) {
            try db.execute(
                sql: """
                    INSERT INTO summary_items (session_id, kind, position, text, owner, at_seconds, search_text)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.rawValue, item.kind.rawValue, item.position, item.text, item.owner, item.at,
                    item.searchText,
                ]
            )
        }
    }

    public func summary(of session: SessionID) async throws -> Summary? {
        try await json(Summary.self, sql: "SELECT body FROM summaries WHERE session_id = ?", [session.rawValue])
    }

    /// The JSON text column the query selects (one row at most), decoded.
    func json<Value: Decodable>(
        _ type: Value.Type,
        sql: String,
        _ arguments: StatementArguments
    ) async throws
        -> Value?
    {
        let text = try await writer.read { db in try String.fetchOne(db, sql: sql, arguments: arguments) }
        return try text.map { try JSONText.decode(type, from: $0) }
    }

    // MARK: Stored exports

    public func recordExport(_ export: StoredExport) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO stored_exports (id, session_id, format, file_name, byte_count, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET byte_count = excluded.byte_count
                    """,
                arguments: [
                    export.id.rawValue, export.session.rawValue, export.format.rawValue, export.fileName,
                    export.byteCount, export.createdAt.millisecondsSince1970,
                ]
            )
        }
    }

    public func storedExport(_ id: ExportID) async throws -> StoredExport? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM stored_exports WHERE id = ?", arguments: [id.rawValue])
                .map(Self.storedExport(from:))
        }
    }

    public func storedExports(of session: SessionID?) async throws -> [StoredExport] {
        try await writer.read { db in
            let order = "ORDER BY created_at DESC, id"
            let rows =
                if let session {
                    try Row.fetchAll(
                        db,
                        sql: "SELECT * FROM stored_exports WHERE session_id = ? \(order)",
                        arguments: [session.rawValue]
                    )
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM stored_exports \(order)")
                }
            return rows.map(Self.storedExport(from:))
        }
    }

    public func deleteExportRecord(_ id: ExportID) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM stored_exports WHERE id = ?", arguments: [id.rawValue])
        }
    }

    private static func storedExport(from row: Row) -> StoredExport {
        StoredExport(
            id: ExportID(rawValue: row["id"]),
            session: SessionID(rawValue: row["session_id"]),
            format: ExportFormat(rawValue: row["format"]) ?? .json,
            fileName: row["file_name"],
            byteCount: row["byte_count"],
            createdAt: Date(millisecondsSince1970: row["created_at"])
        )
    }

    // MARK: Profiles

    public func saveProfile(_ profile: SpeakerProfile) async throws {
        let prints = try JSONText.encode(profile.voicePrints)
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO profiles (id, name, voice_prints, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, voice_prints = excluded.voice_prints
                    """,
                arguments: [profile.id.rawValue, profile.name, prints, profile.createdAt.millisecondsSince1970]
            )
        }
    }

    public func profile(_ id: ProfileID) async throws -> SpeakerProfile? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM profiles WHERE id = ?", arguments: [id.rawValue])
                .map(Self.profile(from:))
        }
    }

    public func profiles() async throws -> [SpeakerProfile] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM profiles ORDER BY name").map(Self.profile(from:))
        }
    }

    public func deleteProfile(_ id: ProfileID) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM profiles WHERE id = ?", arguments: [id.rawValue])
        }
        try await writer.eraseFreedPages()
    }

    private static func profile(from row: Row) throws -> SpeakerProfile {
        SpeakerProfile(
            id: ProfileID(rawValue: row["id"]),
            name: row["name"],
            voicePrints: try JSONText.decode([[Float]].self, from: row["voice_prints"]),
            createdAt: Date(millisecondsSince1970: row["created_at"])
        )
    }
}
