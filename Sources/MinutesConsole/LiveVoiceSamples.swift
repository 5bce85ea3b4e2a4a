/// Each live speaker's most recent solo speech, kept so that "remember this voice" can make a
/// voice print without asking the person to speak again.
///
/// Only the newest ``limit`` frames per speaker are kept (20 s is 1.3 MB, and more speech does
/// not make CAM++ prints better), and a forgotten speaker's audio is dropped at once.
public struct LiveVoiceSamples: Sendable {
    /// The most frames kept per speaker.
    public let limit: Int
    private var samples: [String: [Float]] = [:]

    /// - Parameter seconds: How much of each speaker's speech to keep.
    public init(seconds: Double = 20, sampleRate: Int = 16_000) {
        limit = max(0, Int(seconds * Double(sampleRate)))
    }

    /// Adds solo speech of the voice labelled `label`, forgetting its oldest beyond the limit.
    public mutating func add(_ newSamples: [Float], to label: String) {
        guard limit > 0, !newSamples.isEmpty else { return }
        var kept = samples[label, default: []]
        kept += newSamples.suffix(limit)
        if kept.count > limit {
            kept.removeFirst(kept.count - limit)
        }
        samples[label] = kept
    }

    /// The kept speech of `label`, oldest first.
    public func samples(of label: String) -> [Float] {
        samples[label] ?? []
    }

    /// Drops everything kept of `label`.
    public mutating func remove(_ label: String) {
        samples[label] = nil
    }

    /// The labels with kept speech.
    public var labels: [String] { samples.keys.sorted() }
}
