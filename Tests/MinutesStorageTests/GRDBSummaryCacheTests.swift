import Foundation
import GRDB
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Testing

@Suite(.timeLimit(.minutes(1)))
struct GRDBSummaryCacheTests {
    private let session = Session(
        id: SessionID(rawValue: "ses_00000000cace"),
        title: "Planning",
        persona: "planning",
        startedAt: Date(timeIntervalSince1970: 1_764_000_000)
    )
    private let label = SummaryCacheLabel(model: "gpt-4o-mini", persona: "planning", promptVersion: "1+f1")
    private let key = String(repeating: "ab", count: 32)

    @Test func aStoredSummaryIsFoundByItsKeyAndReplaced() async throws {
        // Given a store with a session
        let store = try GRDBSessionStore()
        try await store.insertSession(session)
        let cache = store.summaryCache
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

    @Test func entriesGoWithTheirSession() async throws {
        // Given cached summaries and usage for a session, and one summary for no session
        let store = try GRDBSessionStore()
        try await store.insertSession(session)
        let cache = store.summaryCache
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
        try await store.deleteSession(session.id)
        #expect(try await cache.cachedSummary(forKey: key) == nil)
        #expect(try await cache.tokenUsage(of: session.id).isEmpty)
        #expect(try await cache.removeAllCachedSummaries() == 1)
    }

    @Test func usageAddsUpPerModel() async throws {
        let store = try GRDBSessionStore()
        try await store.insertSession(session)
        let cache = store.summaryCache

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

    @Test func anUnknownSessionIsNotFound() async throws {
        let cache = try GRDBSessionStore().summaryCache
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

    @Test func aVersionOneDatabaseIsMigratedToTheCacheTables() async throws {
        // Given a database file migrated only to version 1, holding a session
        let directory = try TemporaryDirectory()
        let path = directory.file("minutes.sqlite")
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(
                sql:
                    "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            )
            for statement in SchemaMigration.all[0].statements {
                try db.execute(sql: statement)
            }
            try db.execute(sql: "INSERT INTO schema_migrations VALUES (1, 'v1', 0)")
            try db.execute(
                sql:
                    "INSERT INTO sessions (id, title, language, persona, started_at) VALUES (?, 'Old', 'en', 'general', 0)",
                arguments: [session.id.rawValue]
            )
        }
        try queue.close()

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
}
