/// The live console's speaker labelling, runnable on a recording.
///
/// Each utterance that voice activity finalizes is diarized locally (the segmentation model finds speaker changes and
/// overlap inside it), each local voice is embedded from its solo speech and given to the
/// session-wide ``LiveSpeakerTracker``. `minutes eval diarization --live` scores it against
/// the offline diarizer on the same audio.
public struct LiveDiarization: Sendable {
    public var detector: any VoiceActivityDetector
    public var embedder: any SpeakerEmbedder
    /// Diarizes one utterance at a time.
    public var local: any Diarizer
    public var tracker: LiveSpeakerTracker
    /// Seconds of audio kept around each utterance, so onsets are not clipped and the
    /// segmentation model hears the faint speech voice activity left out (1 s: pooled DER
    /// 21.0 % on the dev set against 24.8 % with 0.2 s; see BENCHMARKS.md).
    public var padding: Double

    public init(
        detector: any VoiceActivityDetector,
        embedder: any SpeakerEmbedder,
        local: any Diarizer,
        tracker: LiveSpeakerTracker = LiveSpeakerTracker(),
        padding: Double = 1.0
    ) {
        self.detector = detector
        self.embedder = embedder
        self.local = local
        self.tracker = tracker
        self.padding = padding
    }

    /// Speaker turns of a recording fed as a stream in 100 ms chunks, with merges applied at
    /// the end as the console relabels on a merge event.
    public func turns(of samples: [Float]) async throws -> [SpeakerTurn] {
        var tracker = self.tracker
        let stream = try detector.makeStream()
        var turns: [SpeakerTurn] = []
        var offset = 0
        var finished = false
        while !finished {
            let end = min(samples.count, offset + 1_600)
            var regions = stream.accept(Array(samples[offset..<end]))
            offset = end
            if offset >= samples.count {
                regions += stream.finish()
                finished = true
            }
            for region in regions {
                turns += try await label(region, in: samples, previous: turns.last, tracker: &tracker)
            }
        }
        return turns.map { SpeakerTurn(speaker: tracker.resolve($0.speaker), start: $0.start, end: $0.end) }
    }

    /// The utterance's turns with session-wide labels.
    ///
    /// Public so that a caller holding its own tracker across pieces of audio (the service's
    /// session appends, one chunk per request) labels each utterance exactly as the console
    /// does: the models hear ``padding`` seconds of context on both sides, and an utterance
    /// they find no turn in is reported over the region voice activity found, not the context.
    /// - Parameters:
    ///   - utterance: where in `samples` voice activity found the utterance.
    ///   - previous: the turn before it, whose voice takes audio too short to embed.
    public func label(
        _ utterance: SpeechRegion,
        in samples: [Float],
        previous: SpeakerTurn?,
        tracker: inout LiveSpeakerTracker
    ) async throws -> [SpeakerTurn] {
        let context = SpeechRegion(
            start: max(0, utterance.start - padding),
            end: min(Double(samples.count) / 16_000, utterance.end + padding)
        )
        let window = LiveAudioWindow(start: context.start, samples: slice(samples, context))
        let analysis = try await analyze(window)
        return Self.assign(analysis, utterance: utterance, previous: previous, tracker: &tracker).turns
    }

    private func slice(_ samples: [Float], _ region: SpeechRegion) -> [Float] {
        let lower = max(0, Int(region.start * 16_000))
        let upper = min(samples.count, Int(region.end * 16_000))
        return lower < upper ? Array(samples[lower..<upper]) : []
    }
}
