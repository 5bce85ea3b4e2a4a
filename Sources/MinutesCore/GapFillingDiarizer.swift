/// Improves a diarizer with voice activity: speech that voice activity hears but no speaker
/// turn covers (quiet voices, short interjections the segmentation model lets drop) is
/// given to the voice it sounds most like, or to the nearest turn when too short to tell.
///
/// On the shared dev set missed speech is the largest part of the segmentation-based
/// diarizer's error; Silero finds most of that speech (see BENCHMARKS.md).
public struct GapFillingDiarizer: Diarizer {
    public var base: any Diarizer
    public var detector: any VoiceActivityDetector
    public var embedder: any SpeakerEmbedder
    /// Uncovered speech shorter than this (seconds) is ignored as noise.
    public var minimumGap: Double
    /// Uncovered speech at least this long (seconds) is matched by voice; shorter speech
    /// goes to the nearest turn.
    public var embedAbove: Double
    /// A voice print of the gap must be at least this similar to a speaker to be given to them
    /// (otherwise the nearest turn decides).
    public var similarity: Float

    public init(
        base: any Diarizer,
        detector: any VoiceActivityDetector,
        embedder: any SpeakerEmbedder,
        minimumGap: Double = 0.2,
        embedAbove: Double = 1.0,
        similarity: Float = 0.3
    ) {
        self.base = base
        self.detector = detector
        self.embedder = embedder
        self.minimumGap = minimumGap
        self.embedAbove = embedAbove
        self.similarity = similarity
    }

    public func diarize(_ samples: [Float], speakerCount: Int?) async throws -> [SpeakerTurn] {
        let turns = try await base.diarize(samples, speakerCount: speakerCount)
        let speech = try await detector.speechRegions(in: samples)
        let covered = turns.map { SpeakerTurn(speaker: "", start: $0.start, end: $0.end) }
        var gaps: [SpeechRegion] = []
        for region in speech {
            gaps += SoloSpeech.subtract(covered, from: region).filter { $0.duration >= minimumGap }
        }
        guard !gaps.isEmpty else { return turns }
        guard !turns.isEmpty else { return try await clusterAlone(gaps, samples: samples) }
        let centroids = try await voiceCentroids(turns, samples: samples)
        var filled = turns
        for gap in gaps {
            filled.append(
                SpeakerTurn(
                    speaker: try await speaker(for: gap, samples: samples, turns: turns, centroids: centroids),
                    start: gap.start,
                    end: gap.end
                )
            )
        }
        return filled.sorted { $0.start < $1.start }
    }

    /// Each speaker's voice print from up to 20 s of their solo speech.
    private func voiceCentroids(_ turns: [SpeakerTurn], samples: [Float]) async throws -> [String: [Float]] {
        var centroids: [String: [Float]] = [:]
        for speaker in Set(turns.map(\.speaker)).sorted() {
            let audio = SoloSpeech.samples(of: speaker, turns: turns, in: samples, limit: 20)
            if audio.count >= 16_000 { centroids[speaker] = try await embedder.embedding(of: audio) }
        }
        return centroids
    }

    private func speaker(
        for gap: SpeechRegion,
        samples: [Float],
        turns: [SpeakerTurn],
        centroids: [String: [Float]]
    ) async throws -> String {
        if gap.duration >= embedAbove, !centroids.isEmpty {
            let print = try await embedder.embedding(of: slice(samples, gap))
            if let best = centroids.max(by: { VoicePrint.cosine($0.value, print) < VoicePrint.cosine($1.value, print) }
            ),
                VoicePrint.cosine(best.value, print) >= similarity
            {
                return best.key
            }
        }
        return WordAttribution.speaker(from: gap.start, to: gap.end, in: turns) ?? turns[0].speaker
    }

    /// When the base diarizer found nobody, the speech voice activity found is clustered on
    /// its own, as the live tracker does.
    private func clusterAlone(_ regions: [SpeechRegion], samples: [Float]) async throws -> [SpeakerTurn] {
        var tracker = LiveSpeakerTracker()
        var turns: [SpeakerTurn] = []
        for region in regions {
            let audio = slice(samples, region)
            let label: String
            if audio.count >= 8_000 {
                label = tracker.assign(try await embedder.embedding(of: audio)).cluster
            } else {
                label = turns.last?.speaker ?? "0"
            }
            turns.append(SpeakerTurn(speaker: label, start: region.start, end: region.end))
        }
        return turns.map { SpeakerTurn(speaker: tracker.resolve($0.speaker), start: $0.start, end: $0.end) }
    }

    private func slice(_ samples: [Float], _ region: SpeechRegion) -> [Float] {
        let lower = max(0, Int(region.start * 16_000))
        let upper = min(samples.count, Int(region.end * 16_000))
        return lower < upper ? Array(samples[lower..<upper]) : []
    }
}
