import ArgumentParser
import Foundation
import Logging
import MinutesCore
import MinutesServer
import MinutesStorage

/// `minutes smoke [--api-key K] [--storage-dir DIR]`: the session flow through the whole API,
/// in process, on a throwaway in-memory database.
struct SmokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smoke",
        abstract: "Check the service end to end without a network: session, append, label, summary, export, "
            + "store, retrieve, delete.",
        discussion: "Uses the installed models; exits 1 at the first step that fails."
    )

    @Option(help: "Require this API key, and send it, as the service would (default MINUTES_API_KEY).")
    var apiKey: String?

    @Option(help: "Where the stored export is written (default: a temporary directory).")
    var storageDir: String?

    func run() async throws {
        try await CommandContext.report {
            let environment = ProcessInfo.processInfo.environment
            var configuration = try ServerConfiguration(environment: environment)
            configuration.apiKey = apiKey ?? configuration.apiKey
            configuration.maxRequestsPerMinute = nil
            let directory =
                storageDir ?? NSTemporaryDirectory() + "minutes-smoke-\(ProcessInfo.processInfo.processIdentifier)"
            let storageConfiguration = StorageConfiguration(
                database: .inMemory,
                exportDirectory: directory,
                retention: try RetentionPolicy(parsing: environment["MINUTES_EXPORT_RETENTION_DAYS"])
            )
            let storage = try await storageConfiguration.open()
            let logger = Logger(label: "minutes.smoke")
            let dependencies = try ServerDependencies(
                configuration: configuration,
                storage: storage,
                storageConfiguration: storageConfiguration,
                environment: environment,
                logger: logger
            )
            let router = MinutesAPI.router(dependencies: dependencies, openAPI: try OpenAPIDocument.bundled()).router
            let smoke = SmokeTest(client: InProcessClient(router: router, logger: logger), apiKey: configuration.apiKey)
            do {
                try await smoke.run { print("ok  \($0)") }
            } catch let failure as SmokeTest.Failure {
                try? await storage.close()
                throw MinutesError(.invalidInput, "smoke test failed at \(failure)")
            }
            try await storage.close()
            print("Smoke test passed.")
        }
    }
}
