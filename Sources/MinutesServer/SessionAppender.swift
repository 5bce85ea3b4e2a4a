import Logging
import MinutesCore
import MinutesPipeline
import MinutesSpeech

/// Turns audio chunks sent to a session into timeline segments, one chunk after another.
///
/// Each chunk goes the console's live way: voice activity finds the utterances, each utterance
/// is diarized locally and its voices are given to the session's ``LiveSpeakerTracker`` (so a
/// voice keeps its speaker across chunks), Whisper transcribes the speech, and words go to the
/// voices by time. Chunks of one session are processed strictly in the order they arrive, each
/// placed after the audio before it; chunks of different sessions run concurrently.
///
/// The trackers live in this process. A session continued after a restart (or on another
/// instance behind a load balancer without sticky sessions) starts a new tracker whose voices
/// get new cluster labels, so it may list a returning person as a new speaker but never gives
/// one person's words to another. An utterance cut by a chunk boundary is transcribed as two.
actor SessionAppender {
    /// What one chunk added.
    struct Outcome: Sendable {
        var segments: [Segment]
        var newSpeakers: [Speaker]
        /// Where the chunk sits in the session, in seconds.
        var chunkStart: Double
        var chunkDuration: Double
    }

    private struct LiveState {
        /// Seconds of session audio before the next chunk.
        var offset: Double
        var tracker = LiveSpeakerTracker()
        /// Prefixes this tracker's cluster labels, which restart at "0" with every tracker.
        let generation = Identifier.random(prefix: "", hexDigits: 6)
        var lastTurn: SpeakerTurn?
    }

    private let orchestrator: SessionOrchestrator
    private let engines: SharedEngines
    private let logger: Logger
    private var states: [SessionID: LiveState] = [:]
    private var busy: Set<SessionID> = []
    private var waiting: [SessionID: [CheckedContinuation<Void, Never>]] = [:]

    init(orchestrator: SessionOrchestrator, engines: SharedEngines, logger: Logger) {
        self.orchestrator = orchestrator
        self.engines = engines
        self.logger = logger
    }

    /// Transcribes and diarizes `samples` (16 kHz mono) and appends them to session `id`.
    /// - Throws: `.notFound` for an unknown session, and the engines' errors.
    func append(_ samples: [Float], to id: SessionID) async throws -> Outcome {
        try await oneAtATime(id) {
            let session = try await orchestrator.session(id)
            // Refused before the engines spend seconds on it; the orchestrator refuses too.
            guard session.endedAt == nil else { throw MinutesError.sessionEnded(id) }
            var state = try await liveState(of: id)
            let started = ContinuousClock.now
            let drafts = try await transcribe(samples, state: &state, language: session.language)
            let appended = try await orchestrator.append(drafts, to: id)
            let chunkStart = state.offset
            state.offset += Double(samples.count) / 16_000
            states[id] = state
            logger.info(
                "chunk appended",
                metadata: [
                    "session.id": "\(id)", "segments": "\(appended.segments.count)",
                    "new_speakers": "\(appended.newSpeakers.count)",
                    "chunk.duration_ms": "\(samples.count / 16)",
                    "append.duration_ms": "\(Int(((ContinuousClock.now - started) / .milliseconds(1)).rounded()))",
                ]
            )
            return Outcome(
                segments: appended.segments,
                newSpeakers: appended.newSpeakers,
                chunkStart: chunkStart,
                chunkDuration: Double(samples.count) / 16_000
            )
        }
    }

    /// Deletes the session after any chunk already waiting for it, and forgets its tracker.
    /// - Returns: false when it was already gone.
    func delete(_ id: SessionID) async throws -> Bool {
        try await oneAtATime(id) {
            states[id] = nil
            return try await orchestrator.deleteSession(id)
        }
    }

    private func liveState(of id: SessionID) async throws -> LiveState {
        if let state = states[id] { return state }
        let end = try await orchestrator.timeline(id).map(\.end).max() ?? 0
        return LiveState(offset: end.rounded(.up))
    }

    /// The chunk's segments with session times and session-wide cluster labels.
    private func transcribe(
        _ samples: [Float],
        state: inout LiveState,
        language: String
    ) async throws
        -> [SegmentDraft]
    {
        let detector = try engines.voiceActivity()
        let transcriber = FileTranscriber(transcriber: try await engines.transcriber(), detector: detector)
        // A session append is live audio a client waits on: greedy, as the console's captions.
        let text = try await transcriber.transcribe(
            samples: samples,
            options: TranscriptionOptions(language: language, beamSize: 1)
        )
        guard !text.isEmpty else { return [] }
        let diarization = LiveDiarization(
            detector: detector,
            embedder: try await engines.embedder(),
            local: try await engines.diarizer()
        )
        var turns: [SpeakerTurn] = []
        for region in try await detector.speechRegions(in: samples) {
            turns += try await diarization.label(
                region,
                in: samples,
                previous: turns.last ?? state.lastTurn,
                tracker: &state.tracker
            )
        }
        state.lastTurn = turns.last
        let tracker = state.tracker
        let generation = state.generation
        let offset = state.offset
        return WordAttribution.attribute(text, to: turns).map { draft in
            var draft = draft
            draft.cluster = draft.cluster.map { "\(generation)-\(tracker.resolve($0))" }
            draft.start += offset
            draft.end += offset
            draft.words = draft.words.map { word in
                var word = word
                word.start += offset
                word.end += offset
                return word
            }
            return draft
        }
    }

    /// Runs `body` once every earlier caller for session `id` has finished, in arrival order.
    private func oneAtATime<Value: Sendable>(
        _ id: SessionID,
        _ body: () async throws -> Value
    ) async throws -> Value {
        if busy.contains(id) {
            await withCheckedContinuation { waiting[id, default: []].append($0) }
        } else {
            busy.insert(id)
        }
        defer { handOver(id) }
        return try await body()
    }

    private func handOver(_ id: SessionID) {
        guard var queue = waiting[id], !queue.isEmpty else {
            busy.remove(id)
            return
        }
        let next = queue.removeFirst()
        waiting[id] = queue.isEmpty ? nil : queue
        next.resume()
    }
}
