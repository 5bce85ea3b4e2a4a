import ArgumentParser
import Foundation
import Logging
import MinutesAudio
import MinutesCore
import MinutesStorage

/// What every subcommand needs: the orchestrator over the configured store and export
/// directory, and one way to turn errors into messages and exit codes.
struct CommandContext {
    let orchestrator: SessionOrchestrator
    let configuration: StorageConfiguration
    let storage: StorageBackend

    private init(configuration: StorageConfiguration, storage: StorageBackend) throws {
        self.configuration = configuration
        self.storage = storage
        orchestrator = SessionOrchestrator(
            store: storage.store,
            archive: try FileExportArchive(directory: configuration.exportDirectory),
            retention: configuration.retention,
            summaryCache: storage.summaryCache,
            logger: Logger(label: "minutes.cli")
        )
    }

    /// Says on stderr, before any work, that `path` is a WAV file cut short (its header promises
    /// more than is there), so a short transcript does not come as a surprise.
    static func warnIfCutShort(_ path: String) {
        guard let warning = AudioFile.shortfallWarning(for: path) else { return }
        FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
    }

    /// Runs `body` (which needs no store), printing any failure as one `error:` line on
    /// stderr: exit code 2 for something unknown, 1 for every other failure.
    static func report(_ body: () async throws -> Void) async throws {
        LogSetup.toStandardError()
        do {
            try await body()
        } catch let error as MinutesError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(error.code == .notFound ? 2 : 1)
        }
    }

    /// Runs `body` with a context over the configured database, printing any failure as one
    /// `error:` line on stderr, and closes the database afterwards either way.
    ///
    /// Unknown ids exit with 2, every other failure with 1.
    static func run(_ body: (CommandContext) async throws -> Void) async throws {
        try await report {
            let configuration = try StorageConfiguration(environment: ProcessInfo.processInfo.environment)
            let storage = try await configuration.open()
            do {
                try await body(try CommandContext(configuration: configuration, storage: storage))
            } catch {
                try? await storage.close()
                throw error
            }
            try await storage.close()
        }
    }

    static func sessionID(_ text: String) throws -> SessionID {
        guard let id = SessionID(parsing: text) else { throw MinutesError.unknownSession(text) }
        return id
    }

    static func exportID(_ text: String) throws -> ExportID {
        guard let id = ExportID(parsing: text) else { throw MinutesError.unknownExport(text) }
        return id
    }
}
