import Logging
import MinutesCore
import MinutesPipeline
import MinutesStorage
import MinutesSummary

/// Everything the routes and the job workers share: the configuration, the storage ports, the
/// orchestrator over them, and the engines.
public struct ServerDependencies: Sendable {
    public var configuration: ServerConfiguration
    public var storage: StorageBackend
    public var orchestrator: SessionOrchestrator
    public var engines: SharedEngines
    /// Summaries are written offline: the service must answer without a network, and the LLM's
    /// cost is for a person to choose per request with `minutes summarize --llm`.
    public var summarizer: MeetingSummarizer
    /// The personas sessions may be created with.
    public var personas: PersonaLibrary
    public var clock: any WallClock
    public var logger: Logger
    let appender: SessionAppender

    /// - Parameters:
    ///   - archive: where stored exports are written (`MINUTES_STORAGE_DIR`).
    ///   - clock: the orchestrator's and the job records' wall clock; the storage backend's
    ///     queue must have been opened with the same one.
    public init(
        configuration: ServerConfiguration,
        storage: StorageBackend,
        archive: any ExportArchive,
        retention: RetentionPolicy,
        engines: SharedEngines,
        personas: PersonaLibrary,
        clock: any WallClock = SystemWallClock(),
        logger: Logger
    ) {
        self.configuration = configuration
        self.storage = storage
        self.engines = engines
        self.clock = clock
        self.logger = logger
        orchestrator = SessionOrchestrator(
            store: storage.store,
            archive: archive,
            retention: retention,
            clock: clock,
            summaryCache: storage.summaryCache,
            logger: logger
        )
        self.personas = personas
        summarizer = MeetingSummarizer(personas: personas, llm: nil, logger: logger)
        appender = SessionAppender(orchestrator: orchestrator, engines: engines, logger: logger)
    }
}
