/// Turns recordings of one person into voice prints for enrollment.
public struct VoiceEnrollment: Sendable {
    public var detector: any VoiceActivityDetector
    public var embedder: any SpeakerEmbedder
    /// Seconds of speech, over all recordings, below which prints are too unreliable to name
    /// anyone by.
    public var minimumSpeech: Double

    public init(detector: any VoiceActivityDetector, embedder: any SpeakerEmbedder, minimumSpeech: Double = 5) {
        self.detector = detector
        self.embedder = embedder
        self.minimumSpeech = minimumSpeech
    }

    /// One voice print per recording that holds at least a second of speech.
    /// - Throws: `.empty` saying how much speech was found when it is under the minimum.
    public func voicePrints(from recordings: [[Float]]) async throws -> [[Float]] {
        var speech: [[Float]] = []
        for samples in recordings {
            var collected: [Float] = []
            for region in try await detector.speechRegions(in: samples) {
                let lower = max(0, Int(region.start * 16_000))
                let upper = min(samples.count, Int(region.end * 16_000))
                if lower < upper { collected += samples[lower..<upper] }
            }
            speech.append(collected)
        }
        let seconds = Double(speech.map(\.count).reduce(0, +)) / 16_000
        guard seconds >= minimumSpeech else {
            let found = (seconds * 10).rounded() / 10
            throw MinutesError(
                .empty,
                "found \(found) s of speech; enrollment needs at least \(Int(minimumSpeech)) s (record a longer sample)"
            )
        }
        var prints: [[Float]] = []
        for clip in speech where clip.count >= 16_000 {
            prints.append(try await embedder.embedding(of: Array(clip.prefix(16_000 * 60))))
        }
        return prints
    }
}
