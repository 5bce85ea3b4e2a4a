/// The recorded-meeting pipeline after normalization: diarize and cluster, match enrolled speakers, transcribe,
/// attribute words to speakers.
///
/// Pure orchestration of the engine ports, so the CLI's `process`, the service's jobs and the demo share it.
public struct MeetingProcessor: Sendable {
    /// The pipeline's stages, in order, for progress and per-stage timings.
    public enum Stage: String, Sendable, CaseIterable {
        case normalize, diarize, match, transcribe, summarize
    }

    /// What processing found.
    public struct Result: Sendable {
        /// Segments with the diarizer's cluster labels, in time order.
        public var segments: [SegmentDraft]
        /// Clusters recognised as enrolled speakers.
        public var matches: [String: ProfileMatcher.Match]
        /// Seconds spent in each stage that ran.
        public var timings: [(stage: Stage, seconds: Double)]
    }

    public var diarizer: any Diarizer
    public var transcriber: any Transcriber
    public var embedder: any SpeakerEmbedder
    /// Finds speech when the diarizer finds no speaker at all (very sparse or quiet speech).
    public var detector: any VoiceActivityDetector
    public var matcher: ProfileMatcher
    public var windowing = SpeechWindowing()

    public init(
        diarizer: any Diarizer,
        transcriber: any Transcriber,
        embedder: any SpeakerEmbedder,
        detector: any VoiceActivityDetector,
        matcher: ProfileMatcher
    ) {
        self.diarizer = diarizer
        self.transcriber = transcriber
        self.embedder = embedder
        self.detector = detector
        self.matcher = matcher
    }

    /// Processes 16 kHz mono samples (already loudness-normalized).
    /// - Parameters:
    ///   - speakerCount: the number of voices when known.
    ///   - progress: told when each stage starts.
    public func process(
        _ samples: [Float],
        speakerCount: Int?,
        options: TranscriptionOptions,
        progress: @Sendable (Stage) -> Void = { _ in }
    ) async throws -> Result {
        var timings: [(stage: Stage, seconds: Double)] = []
        func timed<Value>(_ stage: Stage, _ work: () async throws -> Value) async throws -> Value {
            progress(stage)
            let started = ContinuousClock.now
            defer { timings.append((stage, (ContinuousClock.now - started).seconds)) }
            return try await work()
        }
        let turns = try await timed(.diarize) { try await diarizer.diarize(samples, speakerCount: speakerCount) }
        let matches = try await timed(.match) { try await matchEnrolled(turns, in: samples) }
        let segments = try await timed(.transcribe) {
            try await transcribe(samples, regions: try await speechRegions(turns, samples: samples), options: options)
        }
        return Result(segments: WordAttribution.attribute(segments, to: turns), matches: matches, timings: timings)
    }

    /// The diarizer's turns merged into speech regions, or voice activity when it found none.
    private func speechRegions(_ turns: [SpeakerTurn], samples: [Float]) async throws -> [SpeechRegion] {
        guard !turns.isEmpty else { return try await detector.speechRegions(in: samples) }
        var regions: [SpeechRegion] = []
        for turn in turns.sorted(by: { $0.start < $1.start }) {
            if let last = regions.last, turn.start <= last.end {
                regions[regions.count - 1].end = max(last.end, turn.end)
            } else {
                regions.append(SpeechRegion(start: turn.start, end: turn.end))
            }
        }
        return regions
    }

    private func transcribe(
        _ samples: [Float],
        regions: [SpeechRegion],
        options: TranscriptionOptions
    ) async throws -> [SegmentDraft] {
        var windowing = self.windowing
        var windows = regions.compactMap { windowing.add($0) }
        if let last = windowing.finish() { windows.append(last) }
        var segments: [SegmentDraft] = []
        for window in windows {
            let lower = max(0, Int(window.start * 16_000))
            let upper = min(samples.count, Int(window.end * 16_000))
            guard lower < upper else { continue }
            var windowOptions = options
            windowOptions.timeOffset = options.timeOffset + Double(lower) / 16_000
            segments += try await transcriber.transcribe(Array(samples[lower..<upper]), options: windowOptions)
        }
        return segments
    }

    /// Embeds each voice from its turns without overlapped speech (up to 30 s) and matches it
    /// against the enrolled profiles.
    private func matchEnrolled(
        _ turns: [SpeakerTurn],
        in samples: [Float]
    ) async throws -> [String: ProfileMatcher.Match] {
        guard !matcher.profiles.isEmpty else { return [:] }
        var embeddings: [String: [Float]] = [:]
        for speaker in Set(turns.map(\.speaker)).sorted() {
            let audio = SoloSpeech.samples(of: speaker, turns: turns, in: samples, limit: 30)
            guard audio.count >= 16_000 else { continue }
            embeddings[speaker] = try await embedder.embedding(of: audio)
        }
        return matcher.matchAll(embeddings)
    }
}
