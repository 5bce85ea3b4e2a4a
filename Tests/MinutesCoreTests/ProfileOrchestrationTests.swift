import Foundation
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Testing

@Suite(.hangGuard)
struct ProfileOrchestrationTests {
    @Test func enrollingATakenNameNeedsReplace() async throws {
        let harness = try OrchestratorHarness()
        let first = try await harness.orchestrator.enroll(name: "Ada", voicePrints: [[1, 0]])

        await #expect(throws: MinutesError(.conflict, "")) {
            _ = try await harness.orchestrator.enroll(name: "ada", voicePrints: [[0, 1]])
        }
        let replaced = try await harness.orchestrator.enroll(name: "Ada", voicePrints: [[0, 1]], replace: true)
        #expect(replaced.id == first.id)
        #expect(try await harness.orchestrator.profiles().map(\.voicePrints) == [[[0, 1]]])
    }

    @Test func forgettingAPersonRedactsEverySessionTheyWereNamedIn() async throws {
        // Given Bob enrolled and linked in two sessions, one with a stored export
        let harness = try await OrchestratorHarness.withFixture()
        let profile = try await harness.orchestrator.enroll(name: "Bob", voicePrints: [[1, 0]])
        let bob = try await harness.speaker(named: "Bob")
        try await harness.orchestrator.linkSpeaker(bob.id, in: MeetingFixture.sessionID, to: profile)
        let stored = try await harness.orchestrator.storeExport(MeetingFixture.sessionID)
        let other = try await harness.orchestrator.createSession(title: "Later")
        let later = try await harness.orchestrator.append(
            [SegmentDraft(start: 0, end: 1, cluster: "9", text: "Bob again, on the budget.")],
            to: other.id
        )
        try await harness.orchestrator.linkSpeaker(later.newSpeakers[0].id, in: other.id, to: profile)

        // When Bob is forgotten by name
        let count = try await harness.orchestrator.forgetProfile(named: "bob")

        // Then both sessions and the stored export are redacted and the voice print is gone
        #expect(count == 2)
        #expect(try await harness.orchestrator.profiles().isEmpty)
        #expect(try await harness.orchestrator.timeline(other.id).map(\.text) == [Segment.redactedText])
        #expect(harness.archive.text(of: stored.fileName)?.contains("installer works") == false)
        await #expect(throws: MinutesError(.notFound, "")) {
            try await harness.orchestrator.forgetProfile(named: "Bob")
        }
    }
}
