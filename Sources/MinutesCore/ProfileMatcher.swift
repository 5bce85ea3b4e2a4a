/// Names voices after enrolled speakers when their voice prints are close enough.
public struct ProfileMatcher: Sendable {
    /// A voice recognised as an enrolled speaker.
    public struct Match: Sendable, Equatable {
        public var profile: ProfileID
        public var name: String
        /// Cosine similarity of the voice to the profile, 0…1.
        public var confidence: Float
    }

    public var profiles: [SpeakerProfile]
    /// The cosine similarity at or above which a voice is named.
    public var threshold: Float

    /// Calibrated on the dev set's speakers across recordings (`minutes eval enrollment`).
    ///
    /// 0.55 names a stranger in about 1 % of trials and misses a known voice in a quarter of
    /// trials made from only 1-2 s of meeting speech; enrollment prints use 5 s or more,
    /// which score higher. See BENCHMARKS.md.
    public static let defaultThreshold: Float = 0.55

    public init(profiles: [SpeakerProfile], threshold: Float = ProfileMatcher.defaultThreshold) {
        self.profiles = profiles
        self.threshold = threshold
    }

    /// The best-matching profile for `embedding`, if any reaches the threshold.
    public func match(_ embedding: [Float]) -> Match? {
        var best: Match?
        for profile in profiles {
            let score = profile.voicePrints.map { VoicePrint.cosine($0, embedding) }.max() ?? -1
            if score >= threshold, score > (best?.confidence ?? -1) {
                best = Match(profile: profile.id, name: profile.name, confidence: score)
            }
        }
        return best
    }

    /// Matches every voice, never giving one profile to two voices: the closer voice wins.
    public func matchAll(_ embeddings: [String: [Float]]) -> [String: Match] {
        var candidates = embeddings.compactMap { cluster, embedding in match(embedding).map { (cluster, $0) } }
        candidates.sort { $0.1.confidence > $1.1.confidence }
        var taken: Set<ProfileID> = []
        var result: [String: Match] = [:]
        for (cluster, match) in candidates where !taken.contains(match.profile) {
            taken.insert(match.profile)
            result[cluster] = match
        }
        return result
    }
}
