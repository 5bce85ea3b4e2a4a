import Foundation
import GRDB
import MinutesCore
import MinutesTestSupport
import Testing

@testable import MinutesStorage

/// What only the SQLite store does: files, WAL, corruption, and erasing deleted text.
@Suite(.hangGuard)
struct GRDBSessionStoreTests {
    private let session = Session(
        id: SessionID(rawValue: "ses_0123456789ab"),
        title: "Weekly sync",
        language: "de",
        persona: "standup",
        startedAt: Date(timeIntervalSince1970: 1_764_000_000.250)
    )

    @Test func aFileDatabaseIsMigratedOnceInWALModeWithForeignKeys() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("nested/dir/minutes.sqlite")

        let store = try GRDBSessionStore(path: path)
        try await store.insertSession(session)
        #expect(try store.schemaVersion() == SchemaMigration.latestVersion)
        let reopened = try GRDBSessionStore(path: path)
        #expect(try await reopened.session(session.id) == session)

        let queue = try DatabaseQueue(path: path)
        let (journalMode, migrations) = try await queue.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM schema_migrations")
            )
        }
        #expect(journalMode == "wal")
        #expect(migrations == SchemaMigration.all.count)
        await #expect(throws: (any Error).self) {
            try await queue.write { db in
                try db.execute(sql: "PRAGMA foreign_keys = ON")
                try db.execute(
                    sql:
                        "INSERT INTO segments (session_id, idx, start_seconds, end_seconds, text, words) VALUES ('ses_missing', 0, 0, 1, '', '[]')"
                )
            }
        }
    }

    @Test func aDatabaseFromANewerMinutesIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("minutes.sqlite")
        _ = try GRDBSessionStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)")
        }

        let error = #expect(throws: MinutesError.self) { _ = try GRDBSessionStore(path: path) }

        #expect(error?.code == .storage)
        #expect(error?.message.contains("schema version 99") == true)
    }

    @Test func aCorruptDatabaseIsRefusedAndLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("minutes.sqlite")
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))

        let error = #expect(throws: MinutesError.self) { _ = try GRDBSessionStore(path: path) }

        #expect(error?.code == .storage)
        #expect(error?.message.contains("left untouched") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func redactedAndDeletedTextLeavesNoCopyInTheDatabaseFiles() async throws {
        // Given a file database holding a distinctive sentence
        let directory = try TemporaryDirectory()
        let path = directory.file("minutes.sqlite")
        let store = try GRDBSessionStore(path: path)
        try await store.insertSession(session)
        let secret = "the launch code is zebra-umbrella-4711"
        let speaker = Speaker(id: SpeakerID(rawValue: "spk_5ec7e7"), session: session.id, cluster: "0", ordinal: 1)
        _ = try await store.appendSegments(
            [Segment(start: 0, end: 1, speaker: speaker.id, text: secret)],
            to: session.id,
            adding: [speaker]
        )

        let other = Session(id: SessionID(rawValue: "ses_00000000000f"), title: "Other", startedAt: session.startedAt)
        try await store.insertSession(other)
        _ = try await store.appendSegments(
            (0..<50).map {
                Segment(start: Double($0), end: Double($0) + 1, speaker: nil, text: "walrus-quartet-\($0)")
            },
            to: other.id
        )

        // When its speaker is forgotten and the other session deleted
        try await store.forgetSpeaker(speaker.id, in: session.id)
        try await store.deleteSession(other.id)

        // Then the search index agrees with the tables, and neither the database nor its
        // write-ahead log holds their text
        try Self.checkSearchIndex(at: path)
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.range(of: Data("zebra-umbrella".utf8)) == nil, "found in \(file)")
            #expect(bytes.range(of: Data("walrus-quartet".utf8)) == nil, "found in \(file)")
        }
    }

    @Test func aFinishedJobsRecordingLeavesNoCopyInTheDatabaseFiles() async throws {
        // Given a file database with a queued job whose recording spans many pages
        let directory = try TemporaryDirectory()
        let path = directory.file("minutes.sqlite")
        let clock = FixedWallClock()
        let queue = try GRDBSessionStore(path: path).jobQueue(clock: clock)
        let recording = Data(String(repeating: "voice-of-ada-", count: 2_000).utf8)
        let id = JobID(rawValue: "job_00000000000a")
        try await queue.enqueue(
            Job(
                id: id,
                kind: "process_meeting",
                payload: "{}",
                runAfter: clock.now(),
                createdAt: clock.now(),
                updatedAt: clock.now()
            ),
            attachment: recording
        )

        // When a worker completes it
        _ = try await queue.claim(kinds: ["process_meeting"], worker: "w1", leaseSeconds: 30)
        #expect(try await queue.complete(id, worker: "w1", result: "{}"))

        // Then neither the database nor its write-ahead log holds the recording
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.range(of: Data("voice-of-ada".utf8)) == nil, "found in \(file)")
        }
    }

    @Test func aVersionOneDatabaseIsMigratedToTheCacheTables() async throws {
        // Given a database file migrated only to version 1, holding a session
        let directory = try TemporaryDirectory()
        let path = directory.file("minutes.sqlite")
        try Self.database(at: path, migratedTo: 1) { db in
            try db.execute(
                sql:
                    "INSERT INTO sessions (id, title, language, persona, started_at) VALUES (?, 'Old', 'en', 'general', 0)",
                arguments: [session.id.rawValue]
            )
        }

        // When this Minutes opens it
        let store = try GRDBSessionStore(path: path)

        // Then it is at the latest version, the old session is intact (with no bookmarks) and
        // the cache works
        #expect(try store.schemaVersion() == SchemaMigration.latestVersion)
        #expect(try await store.session(session.id)?.title == "Old")
        #expect(try await store.session(session.id)?.bookmarks == [])
        try await store.summaryCache.recordTokenUsage(
            TokenUsage(requests: 1, promptTokens: 1, completionTokens: 1),
            model: "m",
            for: session.id
        )
        #expect(try await store.summaryCache.tokenUsage(of: session.id)["m"]?.requests == 1)
    }

    @Test func meetingsStoredBeforeSearchExistedBecomeSearchableWhenOpened() async throws {
        // Given a version-5 database holding a segment, a redacted one and a summary
        let directory = try TemporaryDirectory()
        let path = directory.file("minutes.sqlite")
        try Self.database(at: path, migratedTo: 5) { db in
            try db.execute(
                sql:
                    "INSERT INTO sessions (id, title, language, persona, started_at) VALUES (?, 'Old', 'en', 'general', 0)",
                arguments: [session.id.rawValue]
            )
            for (index, text) in ["The Zeppelin lands at noon.", Segment.redactedText].enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO segments (session_id, idx, start_seconds, end_seconds, text, words)
                        VALUES (?, ?, 0, 1, ?, '[]')
                        """,
                    arguments: [session.id.rawValue, index, text]
                )
            }
            let summary = String(
                decoding: try JSONEncoder().encode(Summary(decisions: ["Zeppelins only on Sundays."])),
                as: UTF8.self
            )
            try db.execute(
                sql: "INSERT INTO summaries (session_id, body) VALUES (?, ?)",
                arguments: [session.id.rawValue, summary]
            )
        }

        // When this Minutes opens it
        let store = try GRDBSessionStore(path: path)

        // Then its words and its decision are found, the redaction is not
        let hits = try await store.search(try SearchQuery(expression: try SearchExpression(parsing: "zeppelin*")))
        #expect(hits.map(\.kind) == [.decision, .said])
        #expect(try await store.search(try SearchQuery(expression: try SearchExpression(parsing: "redacted"))).isEmpty)
        // and the full-text indexes agree with their tables (FTS5 throws when they do not)
        try Self.checkSearchIndex(at: path)
    }

    /// Writes a database file as a Minutes of schema `version` left it, with `fill` run in it.
    private static func database(
        at path: String,
        migratedTo version: Int,
        holding fill: (Database) throws -> Void
    ) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: SchemaMigration.ledgerTable)
            for migration in SchemaMigration.all where migration.version <= version {
                for statement in migration.statements(for: .sqlite) {
                    try db.execute(sql: statement)
                }
                try db.execute(
                    sql: "INSERT INTO schema_migrations VALUES (?, 'old', 0)",
                    arguments: [migration.version]
                )
            }
            try fill(db)
        }
        try queue.close()
    }

    /// Throws when a full-text index disagrees with its table (FTS5's `integrity-check`).
    private static func checkSearchIndex(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for index in ["segments_fts", "summary_items_fts"] {
                try db.execute(sql: "INSERT INTO \(index) (\(index)) VALUES ('integrity-check')")
            }
        }
        try queue.close()
    }
}
