import Foundation
import GRDB
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Testing

@Suite(.timeLimit(.minutes(1)))
struct GRDBSessionStoreTests {
    private let session = Session(
        id: SessionID(rawValue: "ses_0123456789ab"),
        title: "Weekly sync",
        language: "de",
        persona: "standup",
        startedAt: Date(timeIntervalSince1970: 1_764_000_000.250)
    )

    @Test func everyRecordRoundTrips() async throws {
        // Given an empty in-memory store
        let store = try GRDBSessionStore()
        let speaker = Speaker(id: SpeakerID(rawValue: "spk_abcdef"), session: session.id, cluster: "3", ordinal: 1)
        let profile = SpeakerProfile(
            id: ProfileID(rawValue: "prf_0000000000aa"),
            name: "Ada",
            voicePrints: [[0.25, -1, 3.5e-7], [1, 2, 3]],
            createdAt: Date(timeIntervalSince1970: 1_700_000_000)
        )
        let segment = Segment(
            start: 1.5,
            end: 2.25,
            speaker: speaker.id,
            text: "Grüße 👋",
            words: [Word(text: "Grüße", start: 1.5, end: 2, confidence: 0.5)]
        )
        let export = StoredExport(
            id: ExportID(rawValue: "exp_00000000000e"),
            session: session.id,
            format: .json,
            fileName: "x.json",
            byteCount: 12,
            createdAt: Date(timeIntervalSince1970: 1_764_000_100)
        )

        // When everything is written
        try await store.insertSession(session)
        try await store.saveProfile(profile)
        var linked = speaker
        linked.profile = profile.id
        linked.name = "Ada"
        try await store.saveSpeaker(linked)
        let appended = try await store.appendSegments([segment, segment], to: session.id)
        try await store.saveSummary(MeetingFixture.summary, for: session.id)
        try await store.recordExport(export)

        // Then it reads back equal
        #expect(try await store.session(session.id) == session)
        #expect(try await store.sessions() == [session])
        #expect(try await store.speakers(of: session.id) == [linked])
        #expect(appended.map(\.index) == [0, 1])
        #expect(try await store.segments(of: session.id) == appended)
        #expect(try await store.summary(of: session.id) == MeetingFixture.summary)
        #expect(try await store.storedExport(export.id) == export)
        #expect(try await store.storedExports(of: session.id) == [export])
        #expect(try await store.profile(profile.id) == profile)

        // and deleting the profile unlinks the speaker instead of failing
        try await store.deleteProfile(profile.id)
        #expect(try await store.speakers(of: session.id).first?.profile == nil)
        // and deleting the session cascades
        #expect(try await store.deleteSession(session.id))
        #expect(try await store.segments(of: session.id).isEmpty)
        #expect(try await store.storedExports(of: nil).isEmpty)
        #expect(try await store.summary(of: session.id) == nil)
    }

    @Test func concurrentAppendsNeverShareAnIndex() async throws {
        let store = try GRDBSessionStore()
        try await store.insertSession(session)

        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for step in 0..<10 {
                        let segment = Segment(
                            start: Double(step),
                            end: Double(step) + 1,
                            speaker: nil,
                            text: "\(worker)-\(step)"
                        )
                        _ = try await store.appendSegments([segment], to: session.id)
                    }
                }
            }
            try await group.waitForAll()
        }

        let segments = try await store.segments(of: session.id)
        #expect(segments.map(\.index) == Array(0..<80))
        #expect(Set(segments.map(\.text)).count == 80)
    }

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
        let stored = try await store.appendSegments(
            [Segment(start: 0, end: 1, speaker: nil, text: secret)],
            to: session.id
        )

        let other = Session(id: SessionID(rawValue: "ses_00000000000f"), title: "Other", startedAt: session.startedAt)
        try await store.insertSession(other)
        _ = try await store.appendSegments(
            (0..<50).map {
                Segment(start: Double($0), end: Double($0) + 1, speaker: nil, text: "walrus-quartet-\($0)")
            },
            to: other.id
        )

        // When the segment is redacted and the other session deleted
        try await store.updateSegments(stored.map(\.redacted), in: session.id)
        try await store.deleteSession(other.id)

        // Then neither the database nor its write-ahead log holds their text
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.range(of: Data("zebra-umbrella".utf8)) == nil, "found in \(file)")
            #expect(bytes.range(of: Data("walrus-quartet".utf8)) == nil, "found in \(file)")
        }
    }
}
