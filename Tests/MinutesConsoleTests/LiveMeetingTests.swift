import Foundation
import Logging
import MinutesAudio
import MinutesConsole
import MinutesCore
import MinutesSpeakers
import MinutesSpeech
import MinutesSummary
import MinutesTestSupport
import Testing

/// The live pipeline with the real engines and models on a synthetic two-voice meeting.
///
/// Replayed at three times real time. Whether partial captions appear here depends on the
/// machine's load (a worker that is behind skips them to catch up, and the end of an
/// utterance cancels its partial decode), so `LivePartialCaptionTests` checks them on
/// scripted engines.
@Suite(.hangGuard)
struct LiveMeetingTests {
    static let script: [SyntheticMeeting.Turn] = [
        .init(
            speaker: "alice",
            voice: "en-us+f3",
            text: "Good morning everyone. Let's plan the release for next week."
        ),
        .init(
            speaker: "bob",
            voice: "en-us+m1",
            text: "The installer is ready, but the upgrade path still needs testing."
        ),
        .init(speaker: "alice", voice: "en-us+f3", text: "Bob, can you test the upgrade path tomorrow?"),
        .init(speaker: "bob", voice: "en-us+m1", text: "Yes, I will do that tomorrow morning."),
    ]

    @Test func aReplayedMeetingIsCaptionedLabelledRecordedNamedExportedAndEnded() async throws {
        // Given a synthetic meeting replayed through the real engines
        let replayed = try await ReplayedMeeting.make(
            Self.script,
            synthesizer: EspeakSynthesizer(),
            title: "Release planning",
            name: "planning",
            speed: 3
        )
        let (meeting, orchestrator, session, recordings, live) = (
            replayed.meeting, replayed.orchestrator, replayed.session, replayed.recordings, replayed.live
        )

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await live.run() }
            var reader = LiveEventReader(live.events)

            // When the whole file has been heard and processed
            #expect(await live.waitForInputEnd() == .endOfInput)
            _ = await reader.next { $0.isNotice(containing: "input has ended") }

            // Then the stored text holds the script's words
            let text = reader.seen.compactMap(\.segment).map(\.text).joined(separator: " ")
            let heard = Set(TranscriptNormalizer.words(text))
            let spoken = TranscriptNormalizer.words(Self.script.map(\.text).joined(separator: " "))
            let recall = Double(spoken.filter(heard.contains).count) / Double(spoken.count)
            #expect(recall >= 0.7, "heard \(heard.sorted())")
            for word in ["release", "installer", "tomorrow"] {
                #expect(heard.contains(word), "missing \(word)")
            }
            // by at least two voices
            let speakers = reader.seen.compactMap(\.appearedSpeaker)
            #expect(speakers.count >= 2)
            // The machine is shared with other tests here, so the capture stream may drop
            // chunks; `minutes bench live` measures drops on a quiet machine.

            // When the voice heard longest is named (and remembered): under load the live
            // tracker may open a speaker for a fragment first, too short to enroll
            let segments = reader.seen.compactMap(\.segment)
            let longest = try #require(
                speakers.max { heardSeconds(of: $0, in: segments) < heardSeconds(of: $1, in: segments) }
            )
            await live.perform(.labelSpeaker(longest.id, name: "Alice", enroll: true))
            let renamed = await reader.next { $0 == .speakerRenamed(longest.id, name: "Alice") }
            #expect(renamed != nil)
            let enrolled = await reader.next {
                if case .notice(_, isError: true) = $0 { return true }
                return $0.isNotice(containing: "recognised in future meetings")
            }
            #expect(enrolled?.isNotice(containing: "recognised in future meetings") == true, "\(reader.seen.suffix(3))")

            // and a summary and a Markdown export are asked for
            await live.perform(.buildSummary)
            let summary = await reader.next {
                if case .summaryReady = $0 { return true }
                if case .summaryFailed = $0 { return true }
                return false
            }
            if case .summaryFailed(let message) = summary {
                Issue.record("summary failed: \(message)")
            }
            await live.perform(.export(.markdown))
            let exported = await reader.next {
                if case .exportFinished = $0 { return true }
                if case .exportFailed = $0 { return true }
                return false
            }

            // Then the export next to the recording names her
            #expect(exported == .exportFinished(.markdown, path: recordings + "/planning.md"))
            let markdown = try String(contentsOfFile: recordings + "/planning.md", encoding: .utf8)
            #expect(markdown.contains("Alice"))

            // When the user quits
            await live.perform(.quit)
            await reader.drain()
            try await group.waitForAll()
        }

        // Then the session is ended and shows the name, her voice is enrolled
        let stored = try await orchestrator.session(session.id)
        #expect(stored.endedAt != nil)
        #expect(try await orchestrator.speakers(session.id).contains { $0.name == "Alice" && $0.profile != nil })
        #expect(try await orchestrator.profiles().map(\.name) == ["Alice"])
        // and every chunk is in the finished recording
        let sidecar = try RecordingSidecar.read(from: recordings + "/planning.json")
        #expect(sidecar.finished)
        #expect(sidecar.frameCount == Int64(meeting.samples.count))
        #expect(try AudioFile.load16kMono(recordings + "/planning.wav").count == meeting.samples.count)
        withExtendedLifetime(replayed.directory) {}
    }

    /// Seconds of stored text the speaker owns.
    private func heardSeconds(of speaker: Speaker, in segments: [Segment]) -> Double {
        segments.filter { $0.speaker == speaker.id }.reduce(0) { $0 + $1.end - $1.start }
    }

    /// A meeting over the real engines from the test models.
    static func meeting(
        source: any CaptureSource,
        recorder: sending RecordingWriter,
        orchestrator: SessionOrchestrator,
        session: SessionID,
        exportDirectory: String
    ) throws -> LiveMeeting<ContinuousClock> {
        let models = TestData.modelsDirectory
        let transcriber = try WhisperCppTranscriber(
            modelPath: WhisperModelFile.path(for: "tiny.en", modelsDirectory: models)
        )
        let activity = try SileroVoiceActivityDetector(
            configuration: VoiceActivityConfiguration(modelPath: models + "/silero_vad.onnx")
        )
        let speakerModels = SpeakerModelFiles(modelsDirectory: models)
        let labeller = LiveDiarization(
            detector: activity,
            embedder: try SherpaSpeakerEmbedder(modelPath: speakerModels.embedding),
            local: try SherpaOfflineDiarizer(configuration: .init(models: speakerModels))
        )
        let personas = PersonaLibrary(personas: [
            Persona(name: "general", version: "1", prompt: "Summarize the meeting.")
        ])
        return LiveMeeting(
            source: source,
            recorder: recorder,
            voiceActivity: try activity.makeStream(),
            captioner: LiveCaptioner(transcriber: transcriber),
            labeller: labeller,
            orchestrator: orchestrator,
            session: session,
            summarizer: MeetingSummarizer(personas: personas, llm: nil, logger: .quiet),
            exportDirectory: exportDirectory,
            logger: .quiet
        )
    }
}

/// Reads a meeting's events in a test, keeping every one seen.
struct LiveEventReader {
    private var iterator: AsyncStream<ConsoleEvent>.Iterator
    private(set) var seen: [ConsoleEvent] = []

    init(_ events: AsyncStream<ConsoleEvent>) {
        iterator = events.makeAsyncIterator()
    }

    /// Reads until an event matches (returning it) or the stream ends (nil).
    mutating func next(where matches: (ConsoleEvent) -> Bool) async -> ConsoleEvent? {
        while let event = await iterator.next() {
            seen.append(event)
            if matches(event) { return event }
        }
        return nil
    }

    /// Reads to the end of the stream.
    mutating func drain() async {
        _ = await next { _ in false }
    }
}

extension ConsoleEvent {
    var segment: Segment? {
        if case .segmentAppended(let segment) = self { return segment }
        return nil
    }

    var appearedSpeaker: Speaker? {
        if case .speakerAppeared(let speaker) = self { return speaker }
        return nil
    }

    var isPartialCaption: Bool {
        if case .caption(let caption) = self { return !caption.isFinal }
        return false
    }

    func isNotice(containing text: String) -> Bool {
        if case .notice(let message, _) = self { return message.contains(text) }
        return false
    }
}

extension Logger {
    /// A logger that drops everything, for tests.
    static var quiet: Logger { Logger(label: "minutes.test", factory: { _ in SwiftLogNoOpLogHandler() }) }
}

/// A directory under the system temp dir, removed when the test is done with it.
final class LiveTemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "minutes-live-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }
}
