import ArgumentParser
import Foundation
import Logging
import MinutesAudio
import MinutesCore
import MinutesPipeline
import MinutesSpeech
import MinutesStorage
import MinutesSummary

/// `minutes demo [--persist DIR]`: the whole flow on a synthesized meeting, no server.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "Run the whole flow on a synthesized three-voice meeting: diarize, transcribe, label, summarize, export.",
        discussion: "Deterministic: the same meeting, session id and files every time."
    )

    @Option(help: "Keep the database, recording and exports in this directory (default: a temporary one).")
    var persist: String?

    static let sessionID = SessionID(rawValue: "ses_00000000de70")

    func run() async throws {
        try await CommandContext.report {
            let directory =
                persist ?? NSTemporaryDirectory() + "minutes-demo-\(ProcessInfo.processInfo.processIdentifier)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let step = DemoSteps()

            step("Synthesizing a three-voice planning meeting with Flite")
            let meeting = try await SyntheticMeeting.make(SyntheticMeeting.demoScript, synthesizer: LocalSynthesizer())
            let recording = directory + "/demo-meeting.wav"
            try WAVWriter.write(meeting.samples, to: recording, sampleRate: 16_000)
            step.detail("\(String(format: "%.1f", Double(meeting.samples.count) / 16_000)) s of audio in \(recording)")

            let store = try GRDBSessionStore(path: directory + "/minutes.sqlite")
            let orchestrator = SessionOrchestrator(
                store: store,
                archive: try FileExportArchive(directory: directory + "/exports"),
                summaryCache: store.summaryCache,
                logger: Logger(label: "minutes.demo")
            )
            try await orchestrator.deleteSession(Self.sessionID)
            let session = try await orchestrator.createSession(
                title: "Release planning (demo)",
                persona: "planning",
                id: Self.sessionID
            )
            step("Created session \(session.id)")

            step("Diarizing and transcribing")
            let engines = SpeechEngines()
            // One diarizer thread keeps the demo deterministic: ONNX Runtime's multi-threaded
            // reductions vary in the last bits, enough to tip close synthetic voices.
            let processor = try engines.meetingProcessor(diarizerThreads: 1)
            let samples = try LoudnessNormalizer().normalize(meeting.samples, sampleRate: 16_000).samples
            // The demo knows its script has three voices, as a user would pass --speakers 3;
            // synthetic voices are closer to each other than people's are.
            let result = try await processor.process(samples, speakerCount: 3, options: engines.options)
            let appended = try await orchestrator.append(result.segments, to: session.id)
            step.detail("\(appended.segments.count) segments, \(appended.newSpeakers.count) speakers")

            step("Labelling the speakers (the demo knows who spoke when)")
            for speaker in appended.newSpeakers {
                let name = Self.scriptedName(of: speaker.cluster, segments: result.segments, meeting: meeting)
                try await orchestrator.labelSpeaker(speaker.id, in: session.id, name: name)
                step.detail("\(speaker.id) is \(name)")
            }

            step("Summarizing offline (persona: planning)")
            let personas = try PersonaLibrary(
                directories: PersonaLibrary.standardDirectories(environment: ProcessInfo.processInfo.environment)
            )
            let summarizer = MeetingSummarizer(personas: personas, llm: nil, logger: Logger(label: "minutes.demo"))
            let outcome = try await orchestrator.summarize(session.id, with: summarizer)
            step.detail(
                "\(outcome.summary.actionItems.count) action items, \(outcome.summary.decisions.count) decisions"
            )
            try await orchestrator.endSession(session.id)

            step("Exporting")
            for format in [ExportFormat.markdown, .json, .srt, .rttm] {
                let path = directory + "/demo-meeting.\(format.fileExtension)"
                try ExportCommand.write(
                    try await orchestrator.export(session.id, format: format),
                    to: path,
                    force: true
                )
                step.detail(path)
            }
            let stored = try await orchestrator.storeExport(session.id)
            step.detail("stored export \(stored.id): \(directory)/exports/\(stored.fileName)")
            print("")
            print(MarkdownMinutes.render(outcome.summary))
            if persist == nil { print("(temporary files in \(directory); use --persist DIR to keep them somewhere)") }
        }
    }

    /// The script's speaker who talks most during `cluster`'s segments.
    static func scriptedName(of cluster: String, segments: [SegmentDraft], meeting: SyntheticMeeting) -> String {
        let spans = segments.filter { $0.cluster == cluster }.map { (start: $0.start, end: $0.end) }
        let speaker = meeting.speaker(talkingMostIn: spans) ?? "someone"
        return speaker.prefix(1).uppercased() + speaker.dropFirst()
    }
}

/// Prints the demo's numbered steps.
final class DemoSteps {
    private var number = 0

    func callAsFunction(_ text: String) {
        number += 1
        print("\(number). \(text)")
    }

    func detail(_ text: String) {
        print("   \(text)")
    }
}
