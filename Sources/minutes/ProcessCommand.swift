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

    @Argument(help: "The meeting recording: WAV, MP3, M4A, MP4, WebM, Ogg, Opus, FLAC or AIFF.")
    var file: String

    @Option(help: "md, json, rttm, srt, vtt or txt.")
    var format: ExportFormat = .txt

    @Option(help: "Write the transcript here instead of standard output.")
    var out: String?

    @Flag(help: "Overwrite the --out file if it exists.")
    var force = false

    @Option(help: "The number of speakers, when known.")
    var speakers: Int?

    @Option(help: "At least this many speakers (when the exact number is not known).")
    var minSpeakers: Int?

    @Option(help: "At most this many speakers.")
    var maxSpeakers: Int?

    @Option(help: "The session title (default: the file name).")
    var title: String?

    @OptionGroup var decoding: DecodingOptions

    @Option(help: "Whisper model name or ggml path.")
    var model: String?

    @Option(help: "The spoken language (default en).")
    var language: String?

    func validate() throws {
        if let speakers, speakers < 1 { throw ValidationError("--speakers must be 1 or more") }
        for (name, bound) in [("--min-speakers", minSpeakers), ("--max-speakers", maxSpeakers)] {
            if let bound, bound < 1 { throw ValidationError("\(name) must be 1 or more") }
        }
        if let minSpeakers, let maxSpeakers, minSpeakers > maxSpeakers {
            throw ValidationError("--min-speakers (\(minSpeakers)) is more than --max-speakers (\(maxSpeakers))")
        }
        if speakers != nil, minSpeakers != nil || maxSpeakers != nil {
            throw ValidationError("give --speakers, or --min-speakers/--max-speakers, not both")
        }
    }

    /// The speaker bounds given, if any.
    private var speakerRange: ClosedRange<Int>? {
        guard minSpeakers != nil || maxSpeakers != nil else { return nil }
        return (minSpeakers ?? 1)...(maxSpeakers ?? Int.max)
    }

    func run() async throws {
        try await CommandContext.run { context in
            let engines = SpeechEngines(
                model: model,
                language: language,
                beam: decoding.beam,
                vocabulary: decoding.vocabulary
            )
            CommandContext.warnIfCutShort(file)
            let meeting = RecordedMeeting(
                samples: try AudioFile.load16kMono(file),
                title: title ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
                language: engines.configuration.language,
                speakerCount: speakers
            )
            let summarizer = MeetingSummarizer(
                personas: try PersonaLibrary(
                    directories: PersonaLibrary.standardDirectories(environment: ProcessInfo.processInfo.environment)
                ),
                llm: nil,
                logger: Logger(label: "minutes.summary")
            )
            var pipeline = try engines.recordedMeetingPipeline(
                summarizer: summarizer,
                logger: Logger(label: "minutes.process")
            )
            if let speakerRange {
                pipeline.diarizer = SpeakerRangeDiarizer(base: pipeline.diarizer, range: speakerRange)
            }
            let outcome = try await pipeline.run(meeting, orchestrator: context.orchestrator) { stage in
                FileHandle.standardError.write(Data("\(stage.rawValue)…\n".utf8))
            }
            if !outcome.summarized {
                FileHandle.standardError.write(Data("no speech to summarize\n".utf8))
            }
            let session = outcome.session
            let report = outcome.timings.map { "\($0.stage) \(String(format: "%.2f", $0.seconds)) s" }
                .joined(separator: ", ")
            FileHandle.standardError.write(
                Data("Session \(session.id): \(outcome.speakers.count) speakers; \(report)\n".utf8)
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
