import Foundation
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Testing

/// Refine's transaction on each engine: the whole timeline replaced, the live version kept
/// once, a forget that came first never undone.
@Suite(.hangGuard)
struct TimelineReplacementStoreTests {
    private let session = Session(
        id: SessionID(rawValue: "ses_0000000000c1"),
        title: "Call",
        startedAt: Date(timeIntervalSince1970: 1_764_000_000),
        endedAt: Date(timeIntervalSince1970: 1_764_000_300)
    )

    private func speaker(_ ordinal: Int, name: String? = nil) -> Speaker {
        Speaker(
            id: SpeakerID(rawValue: "spk_00000\(ordinal)"),
            session: session.id,
            cluster: "live-\(ordinal)",
            ordinal: ordinal,
            name: name
        )
    }

    private func segment(_ speaker: Speaker, _ start: Double, _ text: String) -> Segment {
        Segment(start: start, end: start + 2, speaker: speaker.id, text: text)
    }

    @Test(arguments: StorageEngine.allCases)
    func aReplacedTimelineKeepsTheLiveVersionOnceAndDropsTheSummary(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            // Given a live session with two speakers and a summary
            let store = backend.store
            let ada = speaker(1, name: "Ada")
            let other = speaker(2)
            try await store.insertSession(session)
            try await store.saveSpeaker(ada)
            try await store.saveSpeaker(other)
            let live = try await store.appendSegments(
                [segment(ada, 0, "live one"), segment(other, 2, "live two"), segment(ada, 4, "live three")],
                to: session.id
            )
            try await store.saveSummary(MeetingFixture.summary, for: session.id)
            let liveManifest = ExportManifest(session: session, speakers: [ada, other], segments: live, summary: nil)
            #expect(try await store.liveVersion(of: session.id) == nil)

            // When a refine replaces it with fewer segments and a new voice
            let third = speaker(3)
            let refined = [segment(ada, 0, "refined one"), segment(third, 3, "refined two")]
            let replacement = TimelineReplacement(
                session: session.id,
                speakers: [ada, other, third],
                segments: refined,
                live: liveManifest
            )
            #expect(try await store.replaceTimeline(replacement))

            // Then the timeline is the refined one, indexed from 0, with the new voice
            let stored = try await store.segments(of: session.id)
            #expect(stored.map(\.text) == ["refined one", "refined two"])
            #expect(stored.map(\.index) == [0, 1])
            #expect(try await store.speakers(of: session.id).map(\.id) == [ada.id, other.id, third.id])
            #expect(try await store.summary(of: session.id) == nil)
            // and the live version reads back as it was
            #expect(try await store.liveVersion(of: session.id) == liveManifest)

            // When it is refined again
            var again = liveManifest
            again.segments = stored
            #expect(
                try await store.replaceTimeline(
                    TimelineReplacement(session: session.id, speakers: [ada], segments: [refined[0]], live: again)
                )
            )

            // Then the first live version is the one kept
            #expect(try await store.segments(of: session.id).map(\.text) == ["refined one"])
            #expect(try await store.liveVersion(of: session.id) == liveManifest)

            // and deleting the session removes it too
            try await store.deleteSession(session.id)
            #expect(try await store.liveVersion(of: session.id) == nil)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func aReplacementMadeBeforeAForgetIsRefused(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            // Given a speaker forgotten while a refine was being made from the state before
            let store = backend.store
            let ada = speaker(1, name: "Ada")
            try await store.insertSession(session)
            try await store.saveSpeaker(ada)
            let live = try await store.appendSegments([segment(ada, 0, "private words")], to: session.id)
            try await store.forgetSpeaker(ada.id, in: session.id)
            let forgotten = try await store.speakers(of: session.id)

            // When the refine made from the state before tries to store Ada named, her words in
            // the clear
            let replaced = try await store.replaceTimeline(
                TimelineReplacement(
                    session: session.id,
                    speakers: [ada],
                    segments: [segment(ada, 0, "private words again")],
                    live: ExportManifest(session: session, speakers: [ada], segments: live, summary: nil)
                )
            )

            // Then it is refused whole: she stays forgotten, her words redacted, no live version
            #expect(replaced == false)
            #expect(try await store.speakers(of: session.id) == forgotten)
            #expect(forgotten.first?.isForgotten == true)
            #expect(try await store.segments(of: session.id).map(\.text) == [Segment.redactedText])
            #expect(try await store.liveVersion(of: session.id) == nil)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func forgettingReachesTheLiveVersionAndBeatsAnAppendAndALabelThatStartedBefore(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            // Given a refined session whose live version holds Ada's words, and her voice print
            let store = backend.store
            let profile = SpeakerProfile(
                id: ProfileID(rawValue: "prf_0000000000ad"),
                name: "Ada",
                voicePrints: [[1, 0]],
                createdAt: session.startedAt
            )
            try await store.saveProfile(profile)
            var ada = speaker(1, name: "Ada")
            ada.profile = profile.id
            try await store.insertSession(session)
            let live = try await store.appendSegments([segment(ada, 0, "live words")], to: session.id, adding: [ada])
            let refined = TimelineReplacement(
                session: session.id,
                speakers: [ada],
                segments: [segment(ada, 0, "refined words")],
                live: ExportManifest(session: session, speakers: [ada], segments: live, summary: nil)
            )
            #expect(try await store.replaceTimeline(refined))
            try await store.saveSummary(MeetingFixture.summary, for: session.id)

            // When she is forgotten
            #expect(try await store.forgetSpeaker(ada.id, in: session.id))

            // Then every copy of her words is redacted, her voice print gone, the summary dropped
            #expect(try await store.segments(of: session.id).map(\.text) == [Segment.redactedText])
            let kept = try #require(try await store.liveVersion(of: session.id))
            #expect(kept.segments.map(\.text) == [Segment.redactedText])
            #expect(kept.speakers.first?.isForgotten == true)
            #expect(try await store.profile(profile.id) == nil)
            #expect(try await store.summary(of: session.id) == nil)
            // and an append and a label made from what was read before the forget cannot undo it
            let late = try await store.appendSegments([segment(ada, 9, "late words")], to: session.id, adding: [ada])
            #expect(late.map(\.text) == [Segment.redactedText])
            #expect(try await store.updateSpeakerUnlessForgotten(ada) == false)
            let stored = try #require(try await store.speakers(of: session.id).first)
            #expect(stored.isForgotten && stored.name == nil && stored.profile == nil)
            // and forgetting again redacts nothing more
            #expect(try await store.forgetSpeaker(ada.id, in: session.id) == false)
        }
    }
}
