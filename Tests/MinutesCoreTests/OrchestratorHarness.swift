import Logging
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Testing

/// A fresh orchestrator over an in-memory SQLite store, an in-memory archive and a fixed clock.
struct OrchestratorHarness {
    let store: GRDBSessionStore
    let archive = InMemoryExportArchive()
    let clock = FixedWallClock()
    let orchestrator: SessionOrchestrator

    init(retention: RetentionPolicy = RetentionPolicy(days: 30)) throws {
        store = try GRDBSessionStore()
        orchestrator = SessionOrchestrator(
            store: store,
            archive: archive,
            retention: retention,
            clock: clock,
            summaryCache: store.summaryCache,
            logger: Logger(label: "minutes.test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }

    /// The harness with ``MeetingFixture`` already created.
    static func withFixture(retention: RetentionPolicy = RetentionPolicy(days: 30)) async throws -> OrchestratorHarness
    {
        let harness = try OrchestratorHarness(retention: retention)
        try await MeetingFixture.populate(harness.orchestrator)
        return harness
    }

    func speaker(named name: String) async throws -> Speaker {
        let speakers = try await orchestrator.speakers(MeetingFixture.sessionID)
        return try #require(speakers.first { $0.name == name })
    }
}
