import ArgumentParser
import Foundation
import MinutesCore

/// `minutes sessions list|show|delete|import`.
struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, show, import and delete sessions.",
        subcommands: [List.self, Show.self, Delete.self, Import.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List sessions, newest first.")

        func run() async throws {
            try await CommandContext.run { context in
                let sessions = try await context.orchestrator.sessions()
                guard !sessions.isEmpty else {
                    print("No sessions yet.")
                    return
                }
                for session in sessions {
                    let started = session.startedAt.formatted(.iso8601)
                    let segments = try await context.orchestrator.timeline(session.id).count
                    print("\(session.id)  \(started)  \(segments) segments  \(session.title)")
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a session's speakers and timeline.")

        @Argument(help: "The session id (ses_…).")
        var id: String

        func run() async throws {
            try await CommandContext.run { context in
                let manifest = try await context.orchestrator.manifest(try CommandContext.sessionID(id))
                print("\(manifest.session.title) (\(manifest.session.id))")
                print(
                    "started \(manifest.session.startedAt.formatted(.iso8601)), \(Timecode.clock(seconds: manifest.duration)) long"
                )
                for speaker in manifest.speakers {
                    print("  \(speaker.id)  \(speaker.displayName)")
                }
                print("")
                print(PlainTranscript.render(manifest), terminator: "")
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a session with its timeline and stored exports (deleting twice is fine)."
        )

        @Argument(help: "The session id (ses_…).")
        var id: String

        func run() async throws {
            try await CommandContext.run { context in
                let sessionID = try CommandContext.sessionID(id)
                if try await context.orchestrator.deleteSession(sessionID) {
                    print("Deleted \(sessionID).")
                } else {
                    print("Session \(sessionID) does not exist; nothing to delete.")
                }
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load a session from a JSON manifest.")

        @Argument(help: "A JSON manifest written by `minutes export --format json`.")
        var file: String

        func run() async throws {
            try await CommandContext.run { context in
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: file))
                } catch {
                    throw MinutesError(.invalidInput, "cannot read \(file)", cause: error)
                }
                let session = try await context.orchestrator.importManifest(try ExportManifest.decode(data))
                print("Imported \(session.id) (\(session.title)).")
            }
        }
    }
}
