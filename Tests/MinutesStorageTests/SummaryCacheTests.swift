import Foundation
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Testing

/// What every ``SummaryCache`` must do, on each engine.
@Suite(.hangGuard)
struct SummaryCacheTests {
    private let session = Session(
        id: SessionID(rawValue: "ses_00000000cace"),
        title: "Planning",
        persona: "planning",
        startedAt: Date(timeIntervalSince1970: 1_764_000_000)
    )
    private let label = SummaryCacheLabel(model: "gpt-4o-mini", persona: "planning", promptVersion: "1+f1")
    private let key = String(repeating: "ab", count: 32)

    @Test(arguments: StorageEngine.allCases)
    func aStoredSummaryIsFoundByItsKeyAndReplaced(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            // Given a store with a session
            try await backend.store.insertSession(session)
            let cache = backend.summaryCache
            var summary = MeetingFixture.summary
            summary.source = "llm:gpt-4o-mini"

            // When a summary is cached for it, and for no session
            #expect(try await cache.cachedSummary(forKey: key) == nil)
            try await cache.storeSummary(summary, forKey: key, label: label, session: session.id)
            try await cache.storeSummary(summary, forKey: "other", label: label, session: nil)

            // Then it reads back equal, and storing again replaces it
            #expect(try await cache.cachedSummary(forKey: key) == summary)
            summary.bullets = ["replaced"]
            try await cache.storeSummary(summary, forKey: key, label: label, session: session.id)
            #expect(try await cache.cachedSummary(forKey: key)?.bullets == ["replaced"])
            #expect(try await cache.cachedSummary(forKey: "other") != nil)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func entriesGoWithTheirSession(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            // Given cached summaries and usage for a session, and one summary for no session
            try await backend.store.insertSession(session)
            let cache = backend.summaryCache
            try await cache.storeSummary(MeetingFixture.summary, forKey: key, label: label, session: session.id)
            try await cache.storeSummary(MeetingFixture.summary, forKey: "loose", label: label, session: nil)
            try await cache.recordTokenUsage(
                TokenUsage(requests: 1, promptTokens: 10, completionTokens: 2),
                model: "m",
                for: session.id
            )

            // When the session's summaries are removed, as forgetting a speaker must
            #expect(try await cache.removeCachedSummaries(of: session.id) == 1)
            #expect(try await cache.cachedSummary(forKey: key) == nil)
            #expect(try await cache.cachedSummary(forKey: "loose") != nil)

            // and when the session is deleted, its usage goes too
            try await cache.storeSummary(MeetingFixture.summary, forKey: key, label: label, session: session.id)
            try await backend.store.deleteSession(session.id)
            #expect(try await cache.cachedSummary(forKey: key) == nil)
            #expect(try await cache.tokenUsage(of: session.id).isEmpty)
            #expect(try await cache.removeAllCachedSummaries() == 1)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func usageAddsUpPerModel(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            try await backend.store.insertSession(session)
            let cache = backend.summaryCache

            try await cache.recordTokenUsage(
                TokenUsage(requests: 1, promptTokens: 800, completionTokens: 90),
                model: "a",
                for: session.id
            )
            try await cache.recordTokenUsage(
                TokenUsage(requests: 2, promptTokens: 1_000, completionTokens: 10),
                model: "a",
                for: session.id
            )
            try await cache.recordTokenUsage(
                TokenUsage(requests: 1, promptTokens: 5, completionTokens: 5),
                model: "b",
                for: session.id
            )

            #expect(
                try await cache.tokenUsage(of: session.id) == [
                    "a": TokenUsage(requests: 3, promptTokens: 1_800, completionTokens: 100),
                    "b": TokenUsage(requests: 1, promptTokens: 5, completionTokens: 5),
                ]
            )
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func anUnknownSessionIsNotFound(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            let cache = backend.summaryCache
            let missing = SessionID(rawValue: "ses_00000000dead")

            let usageError = await #expect(throws: MinutesError.self) {
                try await cache.recordTokenUsage(.zero, model: "m", for: missing)
            }
            let storeError = await #expect(throws: MinutesError.self) {
                try await cache.storeSummary(MeetingFixture.summary, forKey: key, label: label, session: missing)
            }

            #expect(usageError?.code == .notFound)
            #expect(storeError?.code == .notFound)
            #expect(usageError?.message.contains("ses_00000000dead") == true)
        }
    }
}
