import Foundation
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Testing

/// A summarizer that returns a fixed summary and records what it was asked.
private struct FixedSummarizer: Summarizer {
    var summary: Summary

    func summarize(_ manifest: ExportManifest, persona: String, maxPoints: Int) async throws -> SummaryOutcome {
        var summary = self.summary
        summary.bullets = ["\(persona) \(maxPoints) \(manifest.segments.count)"]
        return SummaryOutcome(summary: summary)
    }
}

@Suite(.hangGuard)
struct SummaryOrchestrationTests {
    @Test func aSummaryIsBuiltWithTheSessionsPersonaStoredAndExported() async throws {
        let harness = try await OrchestratorHarness.withFixture()

        let outcome = try await harness.orchestrator.summarize(
            MeetingFixture.sessionID,
            with: FixedSummarizer(summary: Summary(highlight: "Ship it.")),
            maxPoints: 3
        )

        #expect(outcome.summary.bullets == ["planning 3 6"])
        #expect(try await harness.orchestrator.summary(MeetingFixture.sessionID) == outcome.summary)
        #expect(
            try await harness.orchestrator.export(MeetingFixture.sessionID, format: .markdown).contains("> Ship it.")
        )
    }

    @Test func anEmptySessionHasNothingToSummarize() async throws {
        let harness = try OrchestratorHarness()
        let session = try await harness.orchestrator.createSession(title: "Empty")

        let error = await #expect(throws: MinutesError.self) {
            _ = try await harness.orchestrator.summarize(session.id, with: FixedSummarizer(summary: Summary()))
        }

        #expect(error?.code == .empty)
        #expect(error?.message.contains("nothing to summarize") == true)
    }

    @Test func forgettingASpeakerClearsCachedLLMSummariesOfTheSession() async throws {
        let harness = try await OrchestratorHarness.withFixture()
        try await harness.store.summaryCache.storeSummary(
            MeetingFixture.summary,
            forKey: "key-1",
            label: SummaryCacheLabel(model: "m", persona: "planning", promptVersion: "1"),
            session: MeetingFixture.sessionID
        )
        let bob = try await harness.speaker(named: "Bob")

        try await harness.orchestrator.forgetSpeaker(bob.id, in: MeetingFixture.sessionID)

        #expect(try await harness.store.summaryCache.cachedSummary(forKey: "key-1") == nil)
    }
}
