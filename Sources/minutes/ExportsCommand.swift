import ArgumentParser
import Foundation
import MinutesCore

/// `minutes exports list|show|sweep`: the stored exports.
struct ExportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exports",
        abstract: "List, show and sweep stored exports.",
        subcommands: [List.self, Show.self, Sweep.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stored exports, newest first.")

        @Option(help: "Only this session's exports.")
        var session: String?

        func run() async throws {
            try await CommandContext.run { context in
                let sessionID = try session.map(CommandContext.sessionID)
                let exports = try await context.orchestrator.storedExports(of: sessionID)
                guard !exports.isEmpty else {
                    print("No stored exports.")
                    return
                }
                for export in exports {
                    let created = export.createdAt.formatted(.iso8601)
                    print("\(export.id)  \(export.session)  \(created)  \(export.byteCount) bytes  \(export.fileName)")
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a stored export.")

        @Argument(help: "The export id (exp_…).")
        var id: String

        func run() async throws {
            try await CommandContext.run { context in
                let (_, data) = try await context.orchestrator.storedExport(try CommandContext.exportID(id))
                FileHandle.standardOutput.write(data)
            }
        }
    }

    struct Sweep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete stored exports older than the retention period (MINUTES_EXPORT_RETENTION_DAYS)."
        )

        @Option(help: "Delete exports older than this many days instead.")
        var days: Int?

        func validate() throws {
            if let days, days < 0 { throw ValidationError("--days must be 0 or more") }
        }

        func run() async throws {
            try await CommandContext.run { context in
                let removed = try await context.orchestrator.sweepExports(olderThanDays: days)
                print("Removed \(removed.count) stored export\(removed.count == 1 ? "" : "s").")
            }
        }
    }
}
