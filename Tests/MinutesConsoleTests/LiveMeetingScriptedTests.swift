import Foundation
import MinutesAudio
import MinutesConsole
import MinutesCore
import MinutesSpeech
import MinutesTestSupport
import Synchronization
import Testing

/// The live meeting's actions and failure handling, on scripted engines: tones stand in for
/// voices (a loud one and a quiet one), so every outcome is exact and no model is loaded.
@Suite(.hangGuard)
struct LiveMeetingScriptedTests {
    /// 0.5 s of silence, then each tone for 1.5 s followed by 1.5 s of silence (more than the
    /// labeller's padding, so no window holds two tones).
    static func tones(_ amplitudes: [Float]) -> [Float] {
        var samples = [Float](repeating: 0, count: 8_000)
        for amplitude in amplitudes {
            samples += (0..<24_000).map { amplitude * sin(Float($0) * 2 * .pi * 220 / 16_000) }
            samples += [Float](repeating: 0, count: 24_000)
        }
        return samples
    }

    @Test func actionsNameForgetBookmarkSummarizeExportAndADeviceLossKeepsTheSession() async throws {
        // Given a loud and a quiet voice from a device that will fail
        let directory = try LiveTemporaryDirectory()
        let samples = Self.tones([0.5, 0.2])
        let failure = MinutesError(.storage, "hw:1 was unplugged")
        let source = LiveScriptedSource(samples: samples, ending: .failed(failure))
        let harness = try await LiveScriptedHarness(directory: directory, source: source)
        let live = harness.meeting

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await live.run() }
            var reader = LiveEventReader(live.events)

            // When both voices have been heard, they are announced and their lines stored
            _ = await reader.next { $0.segment != nil }
            _ = await reader.next { $0.segment != nil }
            let speakers = reader.seen.compactMap(\.appearedSpeaker)
            #expect(speakers.map(\.ordinal) == [1, 2])
            let segments = reader.seen.compactMap(\.segment)
            #expect(segments.map(\.speaker) == speakers.map(\.id))
            #expect(segments.allSatisfy { $0.text == "hello there" })

            // When capture is paused and resumed, the source is told and the console hears it
            await live.perform(.pauseCapture)
            await live.perform(.resumeCapture)
            #expect(await reader.next { $0 == .captureStatusChanged(.paused) } != nil)
            #expect(await reader.next { $0 == .captureStatusChanged(.recording) } != nil)
            #expect(source.calls == ["pause", "resume"])

            // When the loud voice is named and remembered, the quiet one forgotten
            await live.perform(.labelSpeaker(speakers[0].id, name: "Ada", enroll: true))
            #expect(await reader.next { $0 == .speakerRenamed(speakers[0].id, name: "Ada") } != nil)
            #expect(await reader.next { $0.isNotice(containing: "Ada's voice will be recognised") } != nil)
            await live.perform(.forgetSpeaker(speakers[1].id))
            #expect(await reader.next { $0 == .speakerForgotten(speakers[1].id) } != nil)

            // and a moment is bookmarked, a summary and an export asked for
            await live.perform(.bookmark(at: 75))
            #expect(await reader.next { $0 == .notice("Bookmarked 00:01:15", isError: false) } != nil)
            // and every meeting is searched: Ada's line is found, the forgotten voice's is not
            await live.perform(.searchMeetings("HELLO"))
            let found = await reader.next {
                if case .meetingSearchFinished = $0 { return true }
                return false
            }
            guard case .meetingSearchFinished(let query, let hits) = found else {
                Issue.record("no search result")
                return
            }
            #expect(query == "HELLO")
            #expect(hits.map(\.speaker) == ["Ada"])
            await live.perform(.searchMeetings("AND"))
            #expect(await reader.next { $0.isNotice(containing: "Search failed: nothing to search for") } != nil)
            // and `r` asks after an earlier meeting refined in the background beside this recording
            RefineStatus(
                session: "ses_00000000e411",
                processID: 1,
                stage: "storing",
                started: Date(timeIntervalSince1970: 1_764_000_000),
                updated: Date(timeIntervalSince1970: 1_764_000_060),
                finished: true,
                outcome: "12 segments, 2 speakers"
            ).write(forRecording: directory.file("earlier.wav"))
            await live.perform(.listRefines)
            #expect(
                await reader.next {
                    $0 == .refinesListed(["Session ses_00000000e411 is refined: 12 segments, 2 speakers."])
                } != nil
            )
            await live.perform(.buildSummary)
            #expect(await reader.next { $0 == .summaryReady(LiveFixedSummarizer.summary) } != nil)
            await live.perform(.export(.txt))
            let path = directory.file("scripted.txt")
            #expect(await reader.next { $0 == .exportFinished(.txt, path: path) } != nil)

            // Then the export has the name and not the forgotten words
            let exported = try String(contentsOfFile: path, encoding: .utf8)
            #expect(exported.contains("Ada"))
            #expect(exported.components(separatedBy: "hello there").count == 2)
            #expect(await live.bookmarks == [75])
            await live.perform(.export(.markdown))
            let markdownPath = directory.file("scripted.md")
            #expect(await reader.next { $0 == .exportFinished(.markdown, path: markdownPath) } != nil)
            let minutes = try String(contentsOfFile: markdownPath, encoding: .utf8)
            #expect(minutes.contains("## Bookmarks\n\n- 00:01:15"), "the bookmark is in the minutes")
            #expect(try await harness.orchestrator.session(harness.session).bookmarks == [75])

            // When the device goes away
            source.release()
            let lost = await reader.next {
                if case .deviceLost = $0 { return true }
                return false
            }

            // Then the console hears why; the recording is closed and everything stays stored
            #expect(lost == .deviceLost(message: "hw:1 was unplugged"))
            #expect(await live.waitForInputEnd() == .failed(failure))
            let sidecar = try RecordingSidecar.read(from: directory.file("scripted.json"))
            #expect(sidecar.finished && sidecar.frameCount == Int64(samples.count))
            // and capture cannot be resumed
            await live.perform(.resumeCapture)
            #expect(await reader.next { $0.isNotice(containing: "cannot be resumed") } != nil)

            // When the user quits, perform returns once the session is ended
            await live.perform(.quit)
            #expect(try await harness.orchestrator.session(harness.session).endedAt != nil)
            await reader.drain()
            try await group.waitForAll()
        }
        #expect(try await harness.orchestrator.profiles().map(\.name) == ["Ada"])
        #expect(try await harness.orchestrator.timeline(harness.session).map(\.text) == ["hello there", "[redacted]"])
    }

    @Test func anEnrolledVoiceIsAnnouncedByName() async throws {
        // Given Ada's voice enrolled with the loud tone's print
        let directory = try LiveTemporaryDirectory()
        let source = LiveScriptedSource(samples: Self.tones([0.5, 0.2]), ending: .endOfInput)
        let harness = try await LiveScriptedHarness(directory: directory, source: source)
        _ = try await harness.orchestrator.enroll(name: "Ada", voicePrints: [[1, 0, 0]])

        let events = try await harness.run { _ in }

        // Then the names were offered for completion and the loud voice came named
        #expect(events.contains(.enrolledNames(["Ada"])))
        let speakers = events.compactMap(\.appearedSpeaker)
        #expect(speakers.map(\.name) == ["Ada", nil])
        let named = try await harness.orchestrator.speakers(harness.session).first
        #expect(named?.name == "Ada" && named?.profile != nil)
    }

    @Test func voicesThatConvergeAreReportedNotRelabelled() async throws {
        // Given three prints: the third joins the second, whose centroid then nears the first
        let directory = try LiveTemporaryDirectory()
        let source = LiveScriptedSource(samples: Self.tones([0.5, 0.3, 0.4]), ending: .endOfInput)
        let harness = try await LiveScriptedHarness(
            directory: directory,
            source: source,
            tracker: LiveSpeakerTracker(configuration: .init(joinThreshold: 0.95, mergeThreshold: 0.7))
        )

        let events = try await harness.run { _ in }

        // Then the console is told, and the lines keep the speakers they were shown with
        #expect(events.contains(.notice("Speaker 1 sounds like Speaker 2", isError: false)))
        let speakers = events.compactMap(\.appearedSpeaker)
        #expect(events.compactMap(\.segment).map(\.speaker) == [speakers[0].id, speakers[1].id, speakers[1].id])
    }
}

/// A scripted meeting: the tones through fake engines, a recorder and an in-memory session.
struct LiveScriptedHarness {
    let orchestrator: SessionOrchestrator
    let session: SessionID
    let meeting: LiveMeeting<ContinuousClock>
    let source: LiveScriptedSource

    init(
        directory: LiveTemporaryDirectory,
        source: LiveScriptedSource,
        transcriber: any Transcriber = LiveHelloTranscriber(),
        tracker: LiveSpeakerTracker = LiveSpeakerTracker(),
        configuration: LiveMeetingConfiguration = LiveMeetingConfiguration()
    ) async throws {
        self.source = source
        orchestrator = SessionOrchestrator(store: LiveMemoryStore(), archive: InMemoryExportArchive(), logger: .quiet)
        session = try await orchestrator.createSession(title: "Scripted").id
        let labeller = LiveDiarization(
            detector: LiveEnergyDetector(),
            embedder: LivePeakEmbedder(),
            local: LiveSilentDiarizer(),
            tracker: tracker
        )
        meeting = LiveMeeting(
            source: source,
            recorder: try RecordingWriter(directory: directory.path, name: "scripted", sessionID: session.rawValue),
            voiceActivity: LiveEnergyVoiceActivity(),
            captioner: LiveCaptioner(transcriber: transcriber, partialInterval: 0.5),
            labeller: labeller,
            orchestrator: orchestrator,
            session: session,
            summarizer: LiveFixedSummarizer(),
            exportDirectory: directory.path,
            configuration: configuration,
            logger: .quiet
        )
    }
}

extension LiveScriptedHarness {
    /// Runs the meeting while `body` reads its events; then lets the rest of the source
    /// through, waits for the input to end, quits, and returns every event sent.
    @discardableResult
    func run(while body: (inout LiveEventReader) async throws -> Void) async throws -> [ConsoleEvent] {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await meeting.run() }
            var reader = LiveEventReader(meeting.events)
            try await body(&reader)
            source.release()
            _ = await meeting.waitForInputEnd()
            await meeting.perform(.quit)
            await reader.drain()
            try await group.waitForAll()
            return reader.seen
        }
    }
}

/// Delivers its samples in 100 ms chunks at once (part by part, each after the first on
/// ``deliverNextPart()``), then holds the stream open until ``release()``, and ends it as
/// scripted.
final class LiveScriptedSource: CaptureSource {
    let chunks: AsyncStream<AudioChunk>
    let sampleRate = 16_000
    private let continuation: AsyncStream<AudioChunk>.Continuation
    private let parts: [[Float]]
    private let ending: CaptureEnding
    private let gate: AsyncStream<Void>
    private let gateSink: AsyncStream<Void>.Continuation
    private let state = Mutex((statistics: CaptureStatistics(), calls: [String]()))

    convenience init(samples: [Float], ending: CaptureEnding) {
        self.init(parts: [samples], ending: ending)
    }

    init(parts: [[Float]], ending: CaptureEnding) {
        self.parts = parts
        self.ending = ending
        (chunks, continuation) = AsyncStream.makeStream(of: AudioChunk.self)
        (gate, gateSink) = AsyncStream.makeStream(of: Void.self)
    }

    var statistics: CaptureStatistics { state.withLock { $0.statistics } }

    /// The control calls received, in order.
    var calls: [String] { state.withLock { $0.calls } }

    func run() async {
        var gateSignals = gate.makeAsyncIterator()
        var partStart = 0
        for (index, part) in parts.enumerated() {
            if index > 0 {
                _ = await gateSignals.next()
            }
            for start in stride(from: 0, to: part.count, by: 1_600) {
                let samples = Array(part[start..<min(part.count, start + 1_600)])
                continuation.yield(
                    AudioChunk(samples: samples, startFrame: Int64(partStart + start), sampleRate: 16_000)
                )
                state.withLock { $0.statistics.producedChunks += 1 }
            }
            partStart += part.count
        }
        while await gateSignals.next() != nil {}
        state.withLock { state in
            if state.statistics.ending == nil { state.statistics.ending = ending }
        }
        continuation.finish()
    }

    /// Lets the next part through.
    func deliverNextPart() {
        gateSink.yield()
    }

    /// Lets the rest through and the source end as scripted.
    func release() {
        gateSink.finish()
    }

    func pause() { state.withLock { $0.calls.append("pause") } }
    func resume() { state.withLock { $0.calls.append("resume") } }

    func stop() {
        state.withLock { state in
            state.calls.append("stop")
            if state.statistics.ending == nil { state.statistics.ending = .stopped }
        }
        gateSink.finish()
    }
}

/// Voice activity by loudness: a 100 ms block over -30 dBFS is speech, and 0.3 s below it
/// closes the region.
final class LiveEnergyVoiceActivity: SpeechRegionStream {
    private var position = 0
    private var speechStart: Int?
    private var speechEnd = 0

    var isSpeaking: Bool { speechStart != nil }

    func accept(_ samples: [Float]) -> [SpeechRegion] {
        let peak = samples.map(abs).max() ?? 0
        defer { position += samples.count }
        if peak > 0.03 {
            if speechStart == nil { speechStart = position }
            speechEnd = position + samples.count
            return []
        }
        guard let start = speechStart, position + samples.count - speechEnd >= 4_800 else { return [] }
        speechStart = nil
        return [SpeechRegion(start: Double(start) / 16_000, end: Double(speechEnd) / 16_000)]
    }

    func finish() -> [SpeechRegion] {
        guard let start = speechStart else { return [] }
        speechStart = nil
        return [SpeechRegion(start: Double(start) / 16_000, end: Double(speechEnd) / 16_000)]
    }
}

/// The whole-recording detector the labeller carries; the live meeting does not call it.
struct LiveEnergyDetector: VoiceActivityDetector {
    func speechRegions(in samples: [Float]) async throws -> [SpeechRegion] { [] }
    func makeStream() throws -> any SpeechRegionStream { LiveEnergyVoiceActivity() }
}

/// Finds no local turns, so each utterance is one voice.
struct LiveSilentDiarizer: Diarizer {
    func diarize(_ samples: [Float], speakerCount: Int?) async throws -> [SpeakerTurn] { [] }
}

/// A print from the loudest sample: each tone amplitude is its own voice.
struct LivePeakEmbedder: SpeakerEmbedder {
    static let prints: [(peak: Float, print: [Float])] = [
        (0.5, [1, 0, 0]), (0.4, [0.8, 0.6, 0]), (0.3, [0.6, 0.8, 0]), (0.2, [0, 0, 1]),
    ]

    var dimension: Int { 3 }

    func embedding(of samples: [Float]) async throws -> [Float] {
        let peak = samples.map(abs).max() ?? 0
        return Self.prints.min { abs($0.peak - peak) < abs($1.peak - peak) }!.print
    }
}

/// Hears "hello there" in any audio, the first word in its first half.
struct LiveHelloTranscriber: Transcriber {
    func transcribe(_ samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft] {
        let start = options.timeOffset
        let end = start + Double(samples.count) / 16_000
        let middle = (start + end) / 2
        return [
            SegmentDraft(
                start: start,
                end: end,
                cluster: nil,
                text: "hello there",
                words: [
                    Word(text: "hello", start: start, end: middle, confidence: 0.9),
                    Word(text: "there", start: middle, end: end, confidence: 0.9),
                ]
            )
        ]
    }
}

/// Answers every request with the same summary.
struct LiveFixedSummarizer: Summarizer {
    static let summary = Summary(bullets: ["Tones were played."], source: "offline")

    func summarize(_ manifest: ExportManifest, persona: String, maxPoints: Int) async throws -> SummaryOutcome {
        SummaryOutcome(summary: Self.summary)
    }
}
