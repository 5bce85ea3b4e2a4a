import ArgumentParser
import Foundation
import Logging
import MinutesAudio
import MinutesCore
import MinutesPipeline
import MinutesStorage
import MinutesSummary

/// `minutes refine SESSION_ID`: the careful pass over a finished meeting's own recording.
struct RefineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refine",
        abstract: "Transcribe and diarize a finished meeting again from its recording, carefully.",
        discussion: """
            Runs the recorded-meeting pipeline (the whole meeting in view, beam search) over the \
            session's recording and replaces its timeline, keeping what was done live: names \
            given, enrolled voices, forgotten speakers (their words stay redacted). The summary \
            and stored exports are rebuilt; the live version stays readable with \
            `minutes export ID --version live`. A refine that is stopped leaves the session as it \
            was; run it again.
            """
    )

    @Argument(help: "The session id (ses_…).")
    var id: String

    @Option(help: "The session's recording (WAV), when it is not in the recordings directory.")
    var recording: String?

    @Option(help: "The number of speakers (default: as many as the live timeline holds).")
    var speakers: Int?

    @OptionGroup var decoding: DecodingOptions

    @Option(help: "Whisper model name or ggml path.")
    var model: String?

    @Flag(help: "Refine in a process of its own and return at once (the console does this after a meeting).")
    var background = false

    @Flag(help: "Say how far the last refine of the session got, and stop.")
    var status = false

    func validate() throws {
        if let speakers, speakers < 1 { throw ValidationError("--speakers must be 1 or more") }
        if background, status { throw ValidationError("give --background or --status, not both") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        try await CommandContext.run { context in
            let sessionID = try CommandContext.sessionID(id)
            let session = try await context.orchestrator.session(sessionID)
            let audioPath =
                try recording
                ?? SessionRecording.audioPath(of: sessionID, in: ShippedDirectory.recordings(environment: environment))
            if status {
                print(
                    RefineStatus.read(forRecording: audioPath)?.summary ?? "Session \(sessionID) was not refined yet."
                )
                return
            }
            if background {
                try Self.startInBackground(
                    arguments: Array(CommandLine.arguments.dropFirst()).filter { $0 != "--background" }
                )
                print(
                    "Refining session \(sessionID) in the background; `minutes refine \(sessionID) --status` says how far it is."
                )
                return
            }
            let lock = try RefineLock(audioPath: audioPath, session: sessionID)
            let progress = RefineStatus(
                session: sessionID.rawValue,
                processID: getpid(),
                stage: "starting",
                started: Date(),
                updated: Date(),
                finished: false
            )
            progress.write(forRecording: audioPath)
            let engines = SpeechEngines(
                model: model,
                language: session.language,
                beam: decoding.beam,
                vocabulary: decoding.vocabulary
            )
            let pipeline = try engines.recordedMeetingPipeline(
                summarizer: try MeetingSummarizer.configured(
                    environment: environment,
                    cache: context.storage.summaryCache,
                    logger: Logger(label: "minutes.summary")
                ),
                logger: Logger(label: "minutes.refine")
            )
            let stages = StageReporter(status: progress, recording: audioPath)
            let refinement: TimelineRefinement
            do {
                refinement = try await pipeline.refine(
                    sessionID,
                    samples: try AudioFile.load16kMono(audioPath),
                    speakerCount: speakers,
                    orchestrator: context.orchestrator
                ) { stage in
                    FileHandle.standardError.write(Data("\(stage.rawValue)…\n".utf8))
                    stages.enter(stage.rawValue)
                }
            } catch {
                stages.finish(failure: (error as? MinutesError)?.message ?? "\(error)")
                throw error
            }
            withExtendedLifetime(lock) {}
            let names = Dictionary(uniqueKeysWithValues: refinement.speakers.map { ($0.id, $0.displayName) })
            for change in refinement.changes {
                print(Self.describe(change, names: names))
            }
            let voices = Set(refinement.segments.compactMap(\.speaker)).count
            let outcome = "\(refinement.segments.count) segments, \(voices) speakers"
            stages.finish(outcome: outcome)
            print("Session \(sessionID) refined: \(outcome).")
            print("The live version: minutes export \(sessionID) --version live")
        }
    }

    /// Runs `minutes ARGUMENTS` in a session of its own (`setsid`), detached from this
    /// terminal, so closing it does not stop the refine; its output goes nowhere (the status
    /// file says how it goes).
    static func startInBackground(arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments =
            ["--fork", URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            throw MinutesError(.storage, "cannot start a refine in the background", cause: error)
        }
    }

    /// One line for the user about a voice the careful pass heard differently.
    static func describe(_ change: TimelineRefinement.Change, names: [SpeakerID: String]) -> String {
        switch change {
        case .split(let live, let new):
            return "\(names[live] ?? "\(live)") was heard as two voices; the second is now \(names[new] ?? "\(new)")."
        case .merged(let live, let into):
            return "\(names[live] ?? "\(live)") and \(names[into] ?? "\(into)") were heard as one voice; "
                + "words named live keep their speaker."
        }
    }
}
