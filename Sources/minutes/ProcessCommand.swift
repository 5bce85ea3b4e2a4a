import ArgumentParser
import Foundation
import Logging
import MinutesAudio
import MinutesCore
import MinutesPipeline
import MinutesSpeech
import MinutesSummary

/// `minutes process FILE`: the recorded-meeting pipeline, stored as a session.
struct ProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Process a recorded meeting: normalize, diarize, name enrolled voices, transcribe, store.",
        discussion: "Prints the new session id and the diarized transcript (or writes --out)."
    )

    @Argument(help: "The meeting recording (WAV).")
    var file: String

    @Option(help: "md, json, rttm, srt, vtt or txt.")
    var format: ExportFormat = .txt

    @Option(help: "Write the transcript here instead of standard output.")
    var out: String?

    @Flag(help: "Overwrite the --out file if it exists.")
    var force = false

    @Option(help: "The number of speakers, when known.")
    var speakers: Int?

    @Option(help: "The session title (default: the file name).")
    var title: String?

    @Option(help: "Whisper model name or ggml path.")
    var model: String?

    @Option(help: "The spoken language (default en).")
    var language: String?

    func validate() throws {
        if let speakers, speakers < 1 { throw ValidationError("--speakers must be 1 or more") }
    }

    func run() async throws {
        try await CommandContext.run { context in
            let engines = SpeechEngines(model: model, language: language)
            let started = ContinuousClock.now
            let samples = try LoudnessNormalizer().normalize(try AudioFile.load16kMono(file), sampleRate: 16_000)
                .samples
            let normalizeSeconds = (ContinuousClock.now - started).seconds
            guard samples.count >= 8_000 else {
                throw MinutesError(
                    .empty,
                    "\(file) holds \(Double(samples.count) / 16_000) s of audio; at least 0.5 s is needed"
                )
            }
            let processor = MeetingProcessor(
                diarizer: try engines.meetingDiarizer(),
                transcriber: try engines.transcriber(),
                embedder: try engines.embedder(),
                detector: try engines.voiceActivity(),
                matcher: ProfileMatcher(profiles: try await context.orchestrator.profiles())
            )
            let result = try await processor.process(samples, speakerCount: speakers, options: engines.options) {
                stage in
                FileHandle.standardError.write(Data("\(stage.rawValue)…\n".utf8))
            }
            let name = title ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            let session = try await context.orchestrator.createSession(
                title: name,
                language: engines.configuration.language
            )
            let appended = try await context.orchestrator.append(result.segments, to: session.id)
            let profiles = try await context.orchestrator.profiles()
            for speaker in appended.newSpeakers {
                if let match = result.matches[speaker.cluster],
                    let profile = profiles.first(where: { $0.id == match.profile })
                {
                    try await context.orchestrator.linkSpeaker(speaker.id, in: session.id, to: profile)
                }
            }
            FileHandle.standardError.write(Data("summarize…\n".utf8))
            let summarizeStarted = ContinuousClock.now
            let summarizer = MeetingSummarizer(
                personas: try PersonaLibrary(
                    directories: PersonaLibrary.standardDirectories(environment: ProcessInfo.processInfo.environment)
                ),
                llm: nil,
                logger: Logger(label: "minutes.summary")
            )
            do {
                _ = try await context.orchestrator.summarize(session.id, with: summarizer)
            } catch let error as MinutesError where error.code == .empty {
                FileHandle.standardError.write(Data("no speech to summarize\n".utf8))
            }
            let summarizeSeconds = (ContinuousClock.now - summarizeStarted).seconds
            try await context.orchestrator.endSession(session.id)
            let timings =
                [("normalize", normalizeSeconds)] + result.timings.map { ($0.stage.rawValue, $0.seconds) }
                + [("summarize", summarizeSeconds)]
            let report = timings.map { "\($0.0) \(String(format: "%.2f", $0.1)) s" }.joined(separator: ", ")
            FileHandle.standardError.write(
                Data("Session \(session.id): \(appended.newSpeakers.count) speakers; \(report)\n".utf8)
            )
            let text = try await context.orchestrator.export(session.id, format: format)
            if let out {
                try ExportCommand.write(text, to: out, force: force)
                print("Session \(session.id) written to \(out).")
            } else {
                print("Session \(session.id)")
                print(text, terminator: "")
            }
        }
    }
}
