import ArgumentParser
import Foundation
import Logging
import MinutesCore
import MinutesStorage
import MinutesSummary

/// `minutes summarize ID|--transcript FILE [--persona P] [--llm] [--max-points N] [--format md|json]`.
struct SummarizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarize a session (stored with it) or a transcript file: key points, decisions, action items.",
        discussion: """
            Offline by default. --llm asks the OpenAI-compatible endpoint in MINUTES_LLM_BASE_URL \
            (key in MINUTES_LLM_API_KEY or OPENAI_API_KEY, model in MINUTES_LLM_MODEL); when it fails, \
            the offline summarizer answers and the output says so.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, json
    }

    @Argument(help: "The session id (ses_…).")
    var id: String?

    @Option(help: "A text transcript (`Speaker: words` lines) or a JSON manifest, instead of a session.")
    var transcript: String?

    @Option(
        help:
            "How to read the meeting: general, standup, planning, sales, interview, one-on-one, board, … (default: the session's)."
    )
    var persona: String?

    @Flag(help: "Use the LLM endpoint (MINUTES_LLM_*).")
    var llm = false

    @Option(help: "The most key points to list.")
    var maxPoints = OfflineSummarizer.defaultMaxPoints

    @Option(help: "md (default) or json.")
    var format: Format = .md

    func validate() throws {
        if (id == nil) == (transcript == nil) { throw ValidationError("give a session id or --transcript FILE") }
        if maxPoints < 0 { throw ValidationError("--max-points must be 0 or more") }
    }

    func run() async throws {
        try await CommandContext.run { context in
            let environment = ProcessInfo.processInfo.environment
            let logger = Logger(label: "minutes.summary")
            let personas = try PersonaLibrary(directories: PersonaLibrary.standardDirectories(environment: environment))
            let model =
                llm
                ? LLMSummarizer(
                    configuration: try LLMConfiguration(environment: environment),
                    personas: personas,
                    cache: context.storage.summaryCache,
                    logger: logger
                ) : nil
            let summarizer = MeetingSummarizer(personas: personas, llm: model, logger: logger)
            let outcome: SummaryOutcome
            if let id {
                outcome = try await context.orchestrator.summarize(
                    try CommandContext.sessionID(id),
                    with: summarizer,
                    persona: persona,
                    maxPoints: maxPoints
                )
            } else {
                outcome = try await summarizer.summarize(
                    try Self.input(fromTranscript: transcript ?? ""),
                    persona: persona ?? PersonaLibrary.defaultPersona,
                    session: nil,
                    maxPoints: maxPoints
                )
            }
            if let reason = outcome.fallbackReason {
                FileHandle.standardError.write(
                    Data("note: the LLM did not answer (\(reason)); this is the offline summary\n".utf8)
                )
            }
            switch format {
            case .md: print(MarkdownMinutes.render(outcome.summary))
            case .json: print(outcome.summary.jsonText(), terminator: "")
            }
        }
    }

    /// The turns of a transcript file (text or JSON manifest).
    static func input(fromTranscript path: String) throws -> SummaryInput {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw MinutesError(.notFound, "cannot read \(path)", cause: error)
        }
        return try TranscriptParser().summaryInput(from: data, fallbackDate: Date())
    }
}
