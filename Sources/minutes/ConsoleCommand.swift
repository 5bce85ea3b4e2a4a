import ArgumentParser
import Foundation
import Logging
import MinutesAudio
import MinutesConsole
import MinutesCore
import MinutesPipeline
import MinutesSpeakers
import MinutesSpeech
import MinutesStorage
import MinutesSummary

/// `minutes` / `minutes console`: the live meeting console.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "The live console: capture, live captions with speakers, \"who is this?\", summary and export keys."
    )

    @Option(help: "The ALSA capture device (see `minutes devices`; default: default).")
    var device: String?

    @Option(help: "Replay a recording through the live path instead of capturing.")
    var replay: String?

    @Option(help: "Replay speed: 1 is real time, 2 twice as fast, 0 as fast as possible.")
    var speed = 1.0

    @Option(help: "A colour theme from Themes/ or ~/.config/minutes/themes (MINUTES_THEME).")
    var theme: String?

    @Option(help: "The session title (default: Meeting and the date).")
    var title: String?

    @Option(help: "Whisper model name or ggml path.")
    var model: String?

    @Option(help: "The spoken language (default en).")
    var language: String?

    @Flag(help: "Do not refine the meeting in the background when it ends (MINUTES_REFINE=0).")
    var noRefine = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logFile =
            environment["MINUTES_LOG_FILE"] ?? MinutesPaths.dataDirectory(environment: environment) + "/minutes.log"
        LogSetup.toFile(logFile)
        let logger = Logger(label: "minutes.console")
        try await CommandContext.run { context in
            let recordings = ShippedDirectory.recordings(environment: environment)
            try RecordingsCheck.announceRecovered(in: recordings)
            try await context.orchestrator.repairStoredExports()
            let engines = SpeechEngines(model: model, language: language)
            let source = try await CaptureChoice.source(
                device: device,
                replay: replay,
                speed: speed,
                recordings: recordings
            )
            let name = title ?? "Meeting \(Date().formatted(date: .abbreviated, time: .shortened))"
            let session = try await context.orchestrator.createSession(
                title: name,
                language: engines.configuration.language
            )
            let stamp = Date().formatted(.iso8601).replacingOccurrences(of: ":", with: "-")
            let recorder = try RecordingWriter(
                directory: recordings,
                name: "\(stamp)-\(session.id)",
                sessionID: session.id.rawValue
            )
            let summarizer = try MeetingSummarizer.configured(
                environment: environment,
                cache: context.storage.summaryCache,
                logger: logger
            )
            let meeting = LiveMeeting(
                source: source,
                recorder: recorder,
                voiceActivity: try engines.liveVoiceActivity().makeStream(),
                captioner: LiveCaptioner(transcriber: try engines.transcriber(), options: engines.options),
                labeller: LiveDiarization(
                    detector: try engines.liveVoiceActivity(),
                    embedder: try engines.embedder(),
                    local: try engines.diarizer()
                ),
                orchestrator: context.orchestrator,
                session: session.id,
                summarizer: summarizer,
                exportDirectory: recordings,
                configuration: LiveMeetingConfiguration(
                    // Without a terminal (a pipe, a dumb terminal) nobody can press q: a replay
                    // ends the meeting when the file does.
                    quitsAtEndOfInput: ConsoleMode.detect(environment: environment, isTerminal: isatty(1) != 0)
                        == .plainLines
                ),
                logger: logger
            )
            let themes = ThemeLibrary(
                environment: environment,
                bundledDirectories: [ShippedDirectory.themes].compactMap { $0 }
            )
            let chosenTheme = try themes.resolve(option: theme, environment: environment)
            let enrolled = try await context.orchestrator.profiles().map(\.name)
            let modelNames = [URL(fileURLWithPath: engines.configuration.whisperModelPath).lastPathComponent, "CAM++"]
            if ConsoleMode.detect(environment: environment, isTerminal: isatty(1) != 0) == .fullScreen {
                // Native engines (sherpa-onnx, ONNX Runtime) may print to standard error, which
                // would scribble over the screen: it goes to the log file while the console runs.
                let log = open(logFile, O_WRONLY | O_APPEND | O_CREAT, 0o644)
                if log >= 0 { dup2(log, STDERR_FILENO) }
            }
            try await ConsoleRunner.run(
                meeting: meeting,
                state: ConsoleState(
                    title: name,
                    recordingsPath: recordings,
                    modelNames: modelNames,
                    enrolledNames: enrolled
                ),
                theme: chosenTheme,
                environment: environment,
                logger: logger
            )
            print("Session \(session.id) saved; recording in \(recordings).")
            if !noRefine, environment["MINUTES_REFINE"] != "0",
                try await !context.orchestrator.timeline(session.id).isEmpty
            {
                // The careful pass: beam search with the whole meeting in view, keeping the
                // names given and the speakers forgotten here.
                try RefineCommand.startInBackground(arguments: ["refine", session.id.rawValue])
                print("Refining it in the background; `minutes refine \(session.id) --status` says how far it is.")
            }
        }
    }
}
