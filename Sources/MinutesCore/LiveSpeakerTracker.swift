/// Online speaker clustering for the live console: each finalized utterance's voice print is
/// given to the nearest known voice, or opens a new one.
///
/// Labels are never changed behind the console's back: when two voices turn out to be one
/// person (their centroids converge), the tracker says so with an explicit `merged` event
/// and keeps both labels resolvable, so a line already on screen stays as it was until the
/// console chooses to relabel it.
public struct LiveSpeakerTracker: Sendable {
    /// What happened to the voice map on an assignment.
    public enum Event: Sendable, Equatable {
        /// A voice not heard before: the console asks "who is this?".
        case newSpeaker(cluster: String)
        /// `cluster` proved to be the same voice as `survivor`; later speech goes to `survivor`.
        case merged(cluster: String, survivor: String)
        /// The voice was recognised as an enrolled person.
        case recognized(cluster: String, match: ProfileMatcher.Match)
    }

    /// When to join, open and merge voices.
    public struct Configuration: Sendable, Equatable {
        /// Cosine similarity to a centroid at or above which an utterance joins that voice.
        ///
        /// 0.55 gave the lowest live DER on the shared dev set (0.45: 24.4 %, 0.5: 21.1 %,
        /// 0.55: 20.4 %, 0.6: 23.0 % pooled; BENCHMARKS.md).
        public var joinThreshold: Float
        /// Centroids this similar are the same voice and are merged.
        public var mergeThreshold: Float

        public init(joinThreshold: Float = 0.55, mergeThreshold: Float = 0.7) {
            self.joinThreshold = joinThreshold
            self.mergeThreshold = mergeThreshold
        }
    }

    private struct Voice: Sendable {
        var label: String
        var sum: [Float]
        var count: Int
        var centroid: [Float] { VoicePrint.normalized(sum) }
    }

    public var configuration: Configuration
    public var matcher: ProfileMatcher
    private var voices: [Voice] = []
    private var aliases: [String: String] = [:]
    private var recognized: Set<String> = []
    private var nextLabel = 0

    public init(configuration: Configuration = Configuration(), matcher: ProfileMatcher = ProfileMatcher(profiles: []))
    {
        self.configuration = configuration
        self.matcher = matcher
    }

    /// The label that speech once given to `label` now belongs to (itself unless merged).
    public func resolve(_ label: String) -> String {
        var current = label
        while let next = aliases[current] { current = next }
        return current
    }

    /// The number of distinct voices currently known.
    public var voiceCount: Int { voices.count }

    /// Assigns one utterance's voice print.
    /// - Returns: the voice's label and what changed.
    public mutating func assign(_ embedding: [Float]) -> (cluster: String, events: [Event]) {
        let print = VoicePrint.normalized(embedding)
        var events: [Event] = []
        let best = voices.indices.max {
            VoicePrint.cosine(voices[$0].centroid, print) < VoicePrint.cosine(voices[$1].centroid, print)
        }
        let index: Int
        if let best, VoicePrint.cosine(voices[best].centroid, print) >= configuration.joinThreshold {
            voices[best].sum = zip(voices[best].sum, print).map(+)
            voices[best].count += 1
            index = best
        } else {
            voices.append(Voice(label: String(nextLabel), sum: print, count: 1))
            nextLabel += 1
            index = voices.count - 1
            events.append(.newSpeaker(cluster: voices[index].label))
        }
        var label = voices[index].label
        if let merge = mergeCandidate(for: index) {
            events.append(merge.event)
            label = resolve(label)
        }
        if !recognized.contains(label), let match = matcher.match(voices.first { $0.label == label }?.centroid ?? print)
        {
            recognized.insert(label)
            events.append(.recognized(cluster: label, match: match))
        }
        return (label, events)
    }

    /// Merges voice `index` with the closest other voice if their centroids converged; the
    /// voice heard more often survives.
    private mutating func mergeCandidate(for index: Int) -> (event: Event, survivor: String)? {
        let centroid = voices[index].centroid
        guard
            let other = voices.indices.filter({ $0 != index }).max(by: {
                VoicePrint.cosine(voices[$0].centroid, centroid) < VoicePrint.cosine(voices[$1].centroid, centroid)
            }),
            VoicePrint.cosine(voices[other].centroid, centroid) >= configuration.mergeThreshold
        else { return nil }
        let (survivor, absorbed) = voices[other].count >= voices[index].count ? (other, index) : (index, other)
        voices[survivor].sum = zip(voices[survivor].sum, voices[absorbed].sum).map(+)
        voices[survivor].count += voices[absorbed].count
        let event = Event.merged(cluster: voices[absorbed].label, survivor: voices[survivor].label)
        aliases[voices[absorbed].label] = voices[survivor].label
        let survivorLabel = voices[survivor].label
        voices.remove(at: absorbed)
        return (event, survivorLabel)
    }
}
