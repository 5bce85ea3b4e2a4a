import ArgumentParser
import Foundation
import Logging
import MinutesCore
import MinutesServer
import MinutesStorage

/// `minutes serve [--host H] [--port P]`: the HTTP service with its job workers.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP service: both APIs and the meeting job workers, until SIGINT or SIGTERM.",
        discussion: "Configured by MINUTES_* variables (see README); logs are JSON lines on standard error."
    )

    @Option(help: "The address to listen on (default MINUTES_HOST or 127.0.0.1).")
    var host: String?

    @Option(help: "The port to listen on (default MINUTES_PORT or 8000).")
    var port: Int?

    @Flag(
        help:
            "Listen on a network address without MINUTES_API_KEY (MINUTES_ALLOW_UNAUTHENTICATED=1): anyone who reaches the port can read every meeting."
    )
    var allowUnauthenticated = false

    func validate() throws {
        if let port, !(1...65_535).contains(port) { throw ValidationError("--port must be 1 to 65535") }
    }

    func run() async throws {
        LogSetup.toJSONStandardError()
        try await CommandContext.report {
            let environment = ProcessInfo.processInfo.environment
            var configuration = try ServerConfiguration(environment: environment)
            if let host { configuration.host = host }
            if let port { configuration.port = port }
            if allowUnauthenticated { configuration.allowsUnauthenticated = true }
            // Sessions the console recorded on this machine can be refined from their recordings.
            configuration.recordingsDirectory = ShippedDirectory.recordings(environment: environment)
            let exposure = try NetworkExposure.check(configuration)
            if exposure == .unauthenticated {
                FileHandle.standardError.write(Data("warning: \(NetworkExposure.warning)\n".utf8))
                Logger(label: "minutes.server").warning("\(NetworkExposure.warning)")
            }
            let storageConfiguration = try StorageConfiguration(environment: environment)
            let storage = try await storageConfiguration.open()
            let dependencies = try ServerDependencies(
                configuration: configuration,
                storage: storage,
                storageConfiguration: storageConfiguration,
                environment: environment,
                logger: Logger(label: "minutes.server")
            )
            do {
                try await dependencies.orchestrator.repairStoredExports()
                try await MinutesAPI.serve(
                    dependencies: dependencies,
                    openAPI: try OpenAPIDocument.bundled(),
                    workers: configuration.workerConfiguration
                )
            } catch {
                try? await storage.close()
                throw error
            }
            try await storage.close()
        }
    }
}
