import ArgumentParser
import Foundation
import MinutesCore
import MinutesStorage

extension ExportFormat: ExpressibleByArgument {}

/// `minutes export ID --format … [--out PATH [--force]] [--store]`.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a session as Markdown minutes, JSON, SRT, WebVTT, RTTM or text.",
        discussion: """
            Prints to standard output unless --out is given. --store also keeps the JSON manifest \
            in MINUTES_STORAGE_DIR (see `minutes exports`).
            """
    )

    @Argument(help: "The session id (ses_…).")
    var id: String

    @Option(help: "md, json, srt, vtt, rttm or txt.")
    var format: ExportFormat = .markdown

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @Flag(help: "Overwrite the --out file if it exists.")
    var force = false

    @Flag(help: "Store the JSON manifest in the export storage directory.")
    var store = false

    @Option(help: "current, or live: the timeline as heard live, before `minutes refine`.")
    var version: TimelineVersion = .current

    /// Which of a session's timelines to export.
    enum TimelineVersion: String, ExpressibleByArgument, CaseIterable {
        case current, live
    }

    func validate() throws {
        if version == .live, store { throw ValidationError("--store keeps the current version only") }
    }

    func run() async throws {
        try await CommandContext.run { context in
            let sessionID = try CommandContext.sessionID(id)
            let text =
                switch version {
                case .current: try await context.orchestrator.export(sessionID, format: format)
                case .live: format.render(try await context.orchestrator.liveVersion(sessionID))
                }
            if let out {
                try Self.write(text, to: out, force: force)
                print("Wrote \(out).")
            } else if !store {
                print(text, terminator: "")
            }
            if store {
                let record = try await context.orchestrator.storeExport(sessionID)
                print("Stored \(record.id) at \(context.configuration.exportDirectory)/\(record.fileName).")
            }
        }
    }

    /// Writes `text` to `path`, refusing to replace an existing file unless `force`.
    static func write(_ text: String, to path: String, force: Bool) throws {
        if FileManager.default.fileExists(atPath: path) && !force {
            throw MinutesError(.conflict, "\(path) already exists; pass --force to overwrite it")
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw MinutesError(.storage, "cannot write \(path)", cause: error)
        }
    }
}
