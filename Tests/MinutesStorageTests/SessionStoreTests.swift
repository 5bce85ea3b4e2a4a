import Foundation
import Logging
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Testing

/// What every ``SessionStore`` must do, on each engine.
@Suite(.hangGuard)
struct SessionStoreTests {
    private let session = Session(
        id: SessionID(rawValue: "ses_0123456789ab"),
        title: "Weekly sync",
        language: "de",
        persona: "standup",
        startedAt: Date(timeIntervalSince1970: 1_764_000_000.250),
        bookmarks: [12.5, 61]
    )

    @Test(arguments: StorageEngine.allCases)
    func everyRecordRoundTrips(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            // Given an empty store
            let store = backend.store
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
            var heardInGerman = segment
            heardInGerman.language = "de"
            let appended = try await store.appendSegments([segment, heardInGerman], to: session.id)
            try await store.saveSummary(MeetingFixture.summary, for: session.id)
            try await store.recordExport(export)

            // Then it reads back equal
            #expect(try await store.session(session.id) == session)
            #expect(try await store.sessions() == [session])
            #expect(try await store.speakers(of: session.id) == [linked])
            #expect(try await store.speakers(linkedTo: profile.id) == [linked])
            #expect(appended.map(\.index) == [0, 1])
            #expect(try await store.segments(of: session.id) == appended)
            #expect(try await store.segments(of: session.id).map(\.language) == [nil, "de"])
            #expect(try await store.summary(of: session.id) == MeetingFixture.summary)
            #expect(try await store.storedExport(export.id) == export)
            #expect(try await store.storedExports(of: session.id) == [export])
            #expect(try await store.profile(profile.id) == profile)

            // and deleting the profile unlinks the speaker instead of failing
            try await store.deleteProfile(profile.id)
            #expect(try await store.speakers(of: session.id).first?.profile == nil)
            // and deleting the session cascades, once
            #expect(try await store.deleteSession(session.id))
            #expect(try await store.deleteSession(session.id) == false)
            #expect(try await store.segments(of: session.id).isEmpty)
            #expect(try await store.storedExports(of: nil).isEmpty)
            #expect(try await store.summary(of: session.id) == nil)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func updatesReplaceAndListsAreOrdered(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            // Given two sessions, two exports and profiles whose names sort differently by case
            let store = backend.store
            let later = Session(
                id: SessionID(rawValue: "ses_00000000000f"),
                title: "Later",
                startedAt: session.startedAt.addingTimeInterval(60)
            )
            try await store.insertSession(session)
            try await store.insertSession(later)
            for (index, owner) in [session.id, later.id].enumerated() {
                try await store.recordExport(
                    StoredExport(
                        id: ExportID(rawValue: "exp_00000000000\(index)"),
                        session: owner,
                        format: .markdown,
                        fileName: "\(index).md",
                        byteCount: index,
                        createdAt: Date(timeIntervalSince1970: 1_764_000_000 + Double(index))
                    )
                )
            }
            for (index, name) in ["bea", "Zoe", "Al"].enumerated() {
                try await store.saveProfile(
                    SpeakerProfile(
                        id: ProfileID(rawValue: "prf_00000000000\(index)"),
                        name: name,
                        voicePrints: [[1]],
                        createdAt: session.startedAt
                    )
                )
            }

            // When a session ends and its summary is dropped
            var ended = session
            ended.endedAt = session.startedAt.addingTimeInterval(3_600)
            ended.title = "Weekly sync (done)"
            try await store.updateSession(ended)
            try await store.saveSummary(MeetingFixture.summary, for: session.id)
            try await store.saveSummary(nil, for: session.id)

            // Then reads see the change, newest first, names in byte order as SQLite sorts them
            #expect(try await store.session(session.id) == ended)
            #expect(try await store.sessions().map(\.id) == [later.id, session.id])
            #expect(try await store.summary(of: session.id) == nil)
            #expect(try await store.storedExports(of: nil).map(\.fileName) == ["1.md", "0.md"])
            #expect(try await store.storedExports(of: session.id).map(\.fileName) == ["0.md"])
            #expect(try await store.profiles().map(\.name) == ["Al", "Zoe", "bea"])
            #expect(try await store.session(SessionID(rawValue: "ses_00000000dead")) == nil)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func concurrentAppendsNeverShareAnIndex(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { database, backend in
            // Given a session and a second, separately connected backend, as another process
            try await backend.store.insertSession(session)
            let stores = [backend.store, try await database.connect().store]

            // When eight writers append ten segments each, alternating connections
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    let store = stores[worker % stores.count]
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

            // Then the indices run from 0 to 79 without a gap or a duplicate
            let segments = try await backend.store.segments(of: session.id)
            #expect(segments.map(\.index) == Array(0..<80))
            #expect(Set(segments.map(\.text)).count == 80)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func forgettingASpeakerRedactsTheirTextAndDropsWhatQuotesThem(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { database, backend in
            // Given the fixture meeting with Bob enrolled and linked, and a cached LLM summary
            let orchestrator = SessionOrchestrator(
                store: backend.store,
                archive: InMemoryExportArchive(),
                clock: database.clock,
                summaryCache: backend.summaryCache,
                logger: Logger(label: "minutes.test", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            try await MeetingFixture.populate(orchestrator)
            let profile = try await orchestrator.enroll(name: "Bob", voicePrints: [[1, 0]])
            let bob = try #require(try await orchestrator.speakers(MeetingFixture.sessionID).first { $0.name == "Bob" })
            try await orchestrator.linkSpeaker(bob.id, in: MeetingFixture.sessionID, to: profile)
            try await backend.summaryCache.storeSummary(
                MeetingFixture.summary,
                forKey: "key",
                label: SummaryCacheLabel(model: "m", persona: "planning", promptVersion: "1"),
                session: MeetingFixture.sessionID
            )

            // When Bob is forgotten
            try await orchestrator.forgetSpeaker(bob.id, in: MeetingFixture.sessionID)

            // Then his segments are redacted, his voice print is gone, and so are the summaries
            let timeline = try await backend.store.segments(of: MeetingFixture.sessionID)
            #expect(timeline.filter { $0.speaker == bob.id }.allSatisfy { $0.text == Segment.redactedText })
            #expect(timeline.contains { $0.speaker != bob.id && $0.text != Segment.redactedText })
            #expect(try await backend.store.profile(profile.id) == nil)
            #expect(
                try await backend.store.speakers(of: MeetingFixture.sessionID).first { $0.id == bob.id }?.isForgotten
                    == true
            )
            #expect(try await backend.store.summary(of: MeetingFixture.sessionID) == nil)
            #expect(try await backend.summaryCache.cachedSummary(forKey: "key") == nil)
        }
    }
}
