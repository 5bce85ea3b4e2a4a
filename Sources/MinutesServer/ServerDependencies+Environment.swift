import Logging
import MinutesCore
import MinutesPipeline
import MinutesStorage
import MinutesSummary

extension ServerDependencies {
    /// The dependencies `minutes serve` and `minutes smoke` run with: exports in the configured
    /// directory, engines and personas from the environment (`MINUTES_MODELS_DIR`,
    /// `MINUTES_WHISPER_MODEL`, `MINUTES_PERSONAS_DIR`, …).
    ///
    /// - Parameter storage: opened from `storageConfiguration`; the caller closes it.
    public init(
        configuration: ServerConfiguration,
        storage: StorageBackend,
        storageConfiguration: StorageConfiguration,
        environment: [String: String],
        logger: Logger
    ) throws {
        self.init(
            configuration: configuration,
            storage: storage,
            archive: try FileExportArchive(directory: storageConfiguration.exportDirectory),
            retention: storageConfiguration.retention,
            engines: SharedEngines(engines: SpeechEngines(environment: environment)),
            personas: try PersonaLibrary(directories: PersonaLibrary.standardDirectories(environment: environment)),
            logger: logger
        )
    }
}
