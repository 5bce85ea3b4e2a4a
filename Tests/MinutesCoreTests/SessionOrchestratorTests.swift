import Foundation
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Testing

@Suite(.hangGuard)
struct SessionOrchestratorTests {
    private let session = MeetingFixture.sessionID

    @Test func appendReportsEachNewVoiceOnceWithStableHashedIds() async throws {
        // Given a new session
        let harness = try OrchestratorHarness()
        _ = try await harness.orchestrator.createSession(title: "Sync", id: session)

        // When two appends mention clusters 0, 1, 2 and then 1 and 2 again
        let first = try await harness.orchestrator.append(Array(MeetingFixture.drafts.prefix(3)), to: session)
        let second = try await harness.orchestrator.append(Array(MeetingFixture.drafts.dropFirst(3)), to: session)

        // Then the first append announces three speakers in order, the second none
        #expect(first.newSpeakers.map(\.cluster) == ["0", "1", "2"])
        #expect(first.newSpeakers.map(\.ordinal) == [1, 2, 3])
        #expect(second.newSpeakers.isEmpty)
        #expect(first.newSpeakers[0].id == SpeakerID.derived(session: session, cluster: "0"))
        #expect(
            first.newSpeakers.allSatisfy { SpeakerID(parsing: $0.id.rawValue) != nil && $0.id.rawValue.count == 10 }
        )
        // and segments are indexed in arrival order, the unattributed one without a speaker
        let timeline = try await harness.orchestrator.timeline(session)
        #expect(timeline.map(\.index) == Array(0..<MeetingFixture.drafts.count))
        #expect(timeline.last?.speaker == nil)
        #expect(timeline[3].speaker == first.newSpeakers[0].id)
    }

    @Test func bookmarksAreStoredOnceInOrderAndReachTheMinutesAndTheManifest() async throws {
        let harness = try await OrchestratorHarness.withFixture()

        try await harness.orchestrator.bookmark(session, at: 9)
        try await harness.orchestrator.bookmark(session, at: 2.5)
        let marks = try await harness.orchestrator.bookmark(session, at: 9)

        #expect(marks == [2.5, 9])
        let markdown = try await harness.orchestrator.export(session, format: .markdown)
        #expect(markdown.contains("## Bookmarks\n\n- 00:00:02 — "), "\(markdown)")
        let manifest = try ExportManifest.decode(
            Data(try await harness.orchestrator.export(session, format: .json).utf8)
        )
        #expect(manifest.session.bookmarks == [2.5, 9])
        await #expect(throws: MinutesError.self) { try await harness.orchestrator.bookmark(session, at: -1) }
    }

    @Test func speakerIdsDifferAcrossSessionsForTheSameCluster() {
        let one = SpeakerID.derived(session: SessionID(rawValue: "ses_aaaaaaaaaaaa"), cluster: "0")
        let other = SpeakerID.derived(session: SessionID(rawValue: "ses_bbbbbbbbbbbb"), cluster: "0")
        #expect(one != other)
        #expect(one == SpeakerID.derived(session: SessionID(rawValue: "ses_aaaaaaaaaaaa"), cluster: "0"))
    }

    @Test func labelNamesASpeakerAndAnEmptyNameClearsIt() async throws {
        let harness = try await OrchestratorHarness.withFixture()
        let bob = try await harness.speaker(named: "Bob")

        let renamed = try await harness.orchestrator.labelSpeaker(bob.id, in: session, name: "  Robert ")
        #expect(renamed.name == "Robert")
        let cleared = try await harness.orchestrator.labelSpeaker(bob.id, in: session, name: "")
        #expect(cleared.name == nil)
        #expect(cleared.displayName == "Speaker 2")
    }

    @Test func unknownIdsAreNotFoundErrorsNamingTheId() async throws {
        let harness = try await OrchestratorHarness.withFixture()
        let missingSession = SessionID(rawValue: "ses_ffffffffffff")
        let missingSpeaker = SpeakerID(rawValue: "spk_ffffff")

        let error = await #expect(throws: MinutesError.self) {
            _ = try await harness.orchestrator.timeline(missingSession)
        }
        #expect(error?.code == .notFound)
        #expect(error?.message.contains("ses_ffffffffffff") == true)
        await #expect(throws: MinutesError(.notFound, "")) {
            try await harness.orchestrator.labelSpeaker(missingSpeaker, in: session, name: "X")
        }
        await #expect(throws: MinutesError(.notFound, "")) {
            try await harness.orchestrator.forgetSpeaker(missingSpeaker, in: session)
        }
        await #expect(throws: MinutesError(.notFound, "")) {
            _ = try await harness.orchestrator.append([], to: missingSession)
        }
        await #expect(throws: MinutesError(.notFound, "")) {
            _ = try await harness.orchestrator.storedExport(ExportID(rawValue: "exp_000000000000"))
        }
    }

    @Test func forgetRedactsTimelineStoredExportsNameSummaryAndVoicePrint() async throws {
        // Given the fixture with a stored export and Bob linked to an enrolled voice
        let harness = try await OrchestratorHarness.withFixture()
        var bob = try await harness.speaker(named: "Bob")
        let profile = SpeakerProfile(
            id: ProfileID(rawValue: "prf_00000000000b"),
            name: "Bob",
            voicePrints: [[0.1, 0.2, 0.3]],
            createdAt: MeetingFixture.startedAt
        )
        try await harness.store.saveProfile(profile)
        bob.profile = profile.id
        try await harness.store.saveSpeaker(bob)
        let stored = try await harness.orchestrator.storeExport(session)
        #expect(harness.archive.text(of: stored.fileName)?.contains("installer works") == true)

        // When Bob is forgotten
        let forgotten = try await harness.orchestrator.forgetSpeaker(bob.id, in: session)

        // Then his segments are redacted, his name and voice print are gone, and so is the summary
        #expect(forgotten.isForgotten && forgotten.name == nil && forgotten.profile == nil)
        let timeline = try await harness.orchestrator.timeline(session)
        let his = timeline.filter { $0.speaker == bob.id }
        #expect(his.count == 2)
        #expect(his.allSatisfy { $0.text == Segment.redactedText && $0.words.isEmpty })
        #expect(timeline.filter { $0.speaker != bob.id }.allSatisfy { $0.text != Segment.redactedText })
        #expect(try await harness.store.profile(profile.id) == nil)
        #expect(try await harness.orchestrator.summary(session) == nil)
        // and the stored export on disk no longer holds his words or his name
        let text = try #require(harness.archive.text(of: stored.fileName))
        #expect(!text.contains("installer works"))
        #expect(!text.contains("do that tomorrow"))
        #expect(!text.contains("\"Bob\""))
        #expect(text.contains("release notes"))
        let (record, data) = try await harness.orchestrator.storedExport(stored.id)
        #expect(record.byteCount == data.count)

        // When forgotten again, nothing changes and nothing fails
        let before = try await harness.orchestrator.export(session, format: .json)
        try await harness.orchestrator.forgetSpeaker(bob.id, in: session)
        #expect(try await harness.orchestrator.export(session, format: .json) == before)
        // and a forgotten speaker cannot be named again
        await #expect(throws: MinutesError(.conflict, "")) {
            try await harness.orchestrator.labelSpeaker(bob.id, in: session, name: "Bob")
        }
    }

    @Test func exportsLeftBehindByAForgetThatDiedBeforeRewritingThemAreRepairedAtStart() async throws {
        // Given stored exports of two sessions, and a forget that committed but died before it
        // rewrote the files (the store's forget alone, as a crash after the commit leaves it)
        let harness = try await OrchestratorHarness.withFixture()
        let stored = try await harness.orchestrator.storeExport(session)
        let other = try await harness.orchestrator.createSession(title: "Other")
        _ = try await harness.orchestrator.append(
            [SegmentDraft(start: 0, end: 1, cluster: "0", text: "Nothing forgotten here.")],
            to: other.id
        )
        let untouched = try await harness.orchestrator.storeExport(other.id)
        let bob = try await harness.speaker(named: "Bob")
        try await harness.store.forgetSpeaker(bob.id, in: session)
        #expect(harness.archive.text(of: stored.fileName)?.contains("installer works") == true)
        let otherBefore = harness.archive.text(of: untouched.fileName)

        // When Minutes starts again
        let repaired = try await harness.orchestrator.repairStoredExports()

        // Then the file no longer holds his words, the other session's is as it was, and a
        // second start finds nothing to do
        #expect(repaired == 1)
        let text = try #require(harness.archive.text(of: stored.fileName))
        #expect(!text.contains("installer works") && text.contains("release notes"))
        #expect(harness.archive.text(of: untouched.fileName) == otherBefore)
        #expect(try await harness.orchestrator.repairStoredExports() == 0)
    }

    @Test func anEndedSessionTakesNoMoreSpeech() async throws {
        let harness = try await OrchestratorHarness.withFixture()
        let before = try await harness.orchestrator.timeline(session)

        await #expect(throws: MinutesError(.conflict, "")) {
            _ = try await harness.orchestrator.append(
                [SegmentDraft(start: 40, end: 41, cluster: "0", text: "One more thing.")],
                to: session
            )
        }
        #expect(try await harness.orchestrator.timeline(session) == before)
    }

    @Test func laterSpeechByAForgottenSpeakerArrivesRedacted() async throws {
        // Given the fixture's meeting still running
        let harness = try await OrchestratorHarness.withFixture()
        var running = try #require(try await harness.store.session(session))
        running.endedAt = nil
        try await harness.store.updateSession(running)
        let bob = try await harness.speaker(named: "Bob")
        try await harness.orchestrator.forgetSpeaker(bob.id, in: session)

        let result = try await harness.orchestrator.append(
            [SegmentDraft(start: 40, end: 42, cluster: bob.cluster, text: "One more thing from me.")],
            to: session
        )

        #expect(result.segments.map(\.text) == [Segment.redactedText])
        #expect(result.newSpeakers.isEmpty)
    }

    @Test func deleteRemovesEverythingAndIsIdempotent() async throws {
        let harness = try await OrchestratorHarness.withFixture()
        let stored = try await harness.orchestrator.storeExport(session)
        #expect(harness.archive.fileNames == [stored.fileName])

        #expect(try await harness.orchestrator.deleteSession(session))
        #expect(try await harness.orchestrator.deleteSession(session) == false)

        #expect(harness.archive.fileNames.isEmpty)
        #expect(try await harness.orchestrator.storedExports().isEmpty)
        #expect(try await harness.store.segments(of: session).isEmpty)
        #expect(try await harness.store.speakers(of: session).isEmpty)
        await #expect(throws: MinutesError(.notFound, "")) {
            _ = try await harness.orchestrator.manifest(session)
        }
    }

    @Test func retentionPrunesOldExportsAfterEachStoreButNeverTheNewOne() async throws {
        // Given an export stored today
        let harness = try await OrchestratorHarness.withFixture(retention: RetentionPolicy(days: 30))
        let old = try await harness.orchestrator.storeExport(session)

        // When 29 days pass, a second store keeps both
        harness.clock.advance(days: 29)
        let recent = try await harness.orchestrator.storeExport(session)
        #expect(try await harness.orchestrator.storedExports().count == 2)

        // When two more days pass, the next store prunes only the first
        harness.clock.advance(days: 2)
        let newest = try await harness.orchestrator.storeExport(session)
        let ids = try await harness.orchestrator.storedExports().map(\.id)
        #expect(Set(ids) == [recent.id, newest.id])
        #expect(!harness.archive.fileNames.contains(old.fileName))

        // When swept with a zero-day override, everything older than now goes
        harness.clock.advance(seconds: 1)
        let removed = try await harness.orchestrator.sweepExports(olderThanDays: 0)
        #expect(Set(removed.map(\.id)) == [recent.id, newest.id])
        #expect(harness.archive.fileNames.isEmpty)
    }

    @Test func retentionNoneKeepsEverything() async throws {
        let harness = try await OrchestratorHarness.withFixture(retention: RetentionPolicy(days: nil))
        _ = try await harness.orchestrator.storeExport(session)
        harness.clock.advance(days: 3650)
        _ = try await harness.orchestrator.storeExport(session)

        #expect(try await harness.orchestrator.sweepExports().isEmpty)
        #expect(try await harness.orchestrator.storedExports().count == 2)
    }

    @Test func aManifestImportsBackToTheSameExport() async throws {
        let harness = try await OrchestratorHarness.withFixture()
        let json = try await harness.orchestrator.export(session, format: .json)
        try await harness.orchestrator.deleteSession(session)

        _ = try await harness.orchestrator.importManifest(try ExportManifest.decode(Data(json.utf8)))

        #expect(try await harness.orchestrator.export(session, format: .json) == json)
        await #expect(throws: MinutesError(.conflict, "")) {
            _ = try await harness.orchestrator.importManifest(try ExportManifest.decode(Data(json.utf8)))
        }
    }
}
