import Foundation
import MinutesCore
import MinutesTestSupport
import Testing

/// Refine through the orchestrator: one at a time, what derives from the timeline rebuilt, the
/// live version kept readable and reached by forget.
struct RefineOrchestrationTests {
    /// The fixture's timeline as a careful pass might hear it: the same voices (labelled its own
    /// way), other words.
    private static let refined: [SegmentDraft] = MeetingFixture.drafts.filter { $0.cluster != nil }.map { draft in
        SegmentDraft(
            start: draft.start,
            end: draft.end,
            cluster: "c" + (draft.cluster ?? ""),
            text: "refined " + draft.text,
            words: []
        )
    }

    @Test func oneRefineOfASessionAtATimeAndNoneWhileItIsRecorded() async throws {
        let harness = try await OrchestratorHarness.withFixture()
        let orchestrator = harness.orchestrator
        let running = try await orchestrator.createSession(title: "Still recording")

        await #expect(throws: MinutesError.self) { try await orchestrator.beginRefine(running.id) }
        _ = try await orchestrator.beginRefine(MeetingFixture.sessionID)
        let second = await #expect(throws: MinutesError.self) {
            try await orchestrator.beginRefine(MeetingFixture.sessionID)
        }
        #expect(second?.code == .conflict)
        #expect(second?.message.contains("already running") == true)
        await orchestrator.endRefine(MeetingFixture.sessionID)
        _ = try await orchestrator.beginRefine(MeetingFixture.sessionID)
    }

    @Test func aRefinedTimelineKeepsTheNamesRebuildsExportsAndDropsTheSummary() async throws {
        // Given the fixture meeting with named speakers, a summary and a stored export
        let harness = try await OrchestratorHarness.withFixture()
        let orchestrator = harness.orchestrator
        let id = MeetingFixture.sessionID
        let stored = try await orchestrator.storeExport(id)
        let liveText = try await orchestrator.export(id, format: .txt)

        // When a careful pass is applied
        _ = try await orchestrator.applyRefinement(Self.refined, to: id)

        // Then the timeline is the refined one, under the names given live
        let timeline = try await orchestrator.timeline(id)
        #expect(timeline.allSatisfy { $0.text.hasPrefix("refined ") })
        let alice = try await harness.speaker(named: "Alice")
        #expect(timeline.first?.speaker == alice.id)
        #expect(try await orchestrator.speakers(id).count == 3)
        // the summary is gone (it described the live words) and the stored export is rewritten
        #expect(try await orchestrator.summary(id) == nil)
        let rewritten = try #require(harness.archive.text(of: stored.fileName))
        #expect(rewritten.contains("refined Good morning"))
        // and the live version reads as it was
        #expect(ExportFormat.txt.render(try await orchestrator.liveVersion(id)) == liveText)
    }

    @Test func forgettingAfterARefineRedactsTheLiveVersionToo() async throws {
        let harness = try await OrchestratorHarness.withFixture()
        let orchestrator = harness.orchestrator
        let id = MeetingFixture.sessionID
        _ = try await orchestrator.applyRefinement(Self.refined, to: id)

        let bob = try await harness.speaker(named: "Bob")
        try await orchestrator.forgetSpeaker(bob.id, in: id)

        for manifest in [try await orchestrator.manifest(id), try await orchestrator.liveVersion(id)] {
            let text = ExportFormat.txt.render(manifest)
            #expect(!text.contains("installer"), "\(text)")
            #expect(!text.contains("tomorrow"), "\(text)")
            #expect(manifest.speakers.first { $0.id == bob.id }?.isForgotten == true)
        }
    }

    @Test func aSessionNeverRefinedHasNoLiveVersionToShow() async throws {
        let harness = try await OrchestratorHarness.withFixture()
        let error = await #expect(throws: MinutesError.self) {
            try await harness.orchestrator.liveVersion(MeetingFixture.sessionID)
        }
        #expect(error?.code == .notFound)
    }

    @Test func anEnrolledVoiceTheCarefulPassRecognisesNamesASpeakerNobodyNamed() async throws {
        let harness = try await OrchestratorHarness.withFixture()
        let orchestrator = harness.orchestrator
        let carol = try await orchestrator.enroll(name: "Carol", voicePrints: [[1, 0]])

        let match = try #require(ProfileMatcher(profiles: [carol]).match([1, 0]))
        _ = try await orchestrator.applyRefinement(
            Self.refined,
            matches: ["c2": match],
            to: MeetingFixture.sessionID
        )

        let speakers = try await orchestrator.speakers(MeetingFixture.sessionID)
        #expect(speakers.map(\.name) == ["Alice", "Bob", "Carol"])
        #expect(speakers.last?.profile == carol.id)
    }
}
