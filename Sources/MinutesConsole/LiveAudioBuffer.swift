import MinutesCore

/// The last stretch of a live session's 16 kHz audio, addressed in session time.
///
/// Captioning and speaker labelling need the audio around an utterance again once voice
/// activity has closed it (the pre-roll before its onset, the labeller's padding on both
/// sides), but a whole session kept in memory would grow without bound (an hour is 230 MB of
/// floats). This buffer keeps only the newest ``capacity`` frames and remembers which session
/// frame its first sample is, so a caller asks for seconds of the session and gets back a
/// ``LiveAudioWindow`` that knows its own time origin.
public struct LiveAudioBuffer: Sendable {
    /// The most frames kept; older ones are forgotten.
    public let capacity: Int
    public let sampleRate: Int
    /// The session frame of the first kept sample.
    public private(set) var startFrame: Int64 = 0
    private var samples: [Float] = []

    /// - Parameters:
    ///   - seconds: How much history to keep; at least one second.
    ///   - sampleRate: The rate of the appended samples.
    public init(seconds: Double, sampleRate: Int = 16_000) {
        self.sampleRate = sampleRate
        capacity = max(sampleRate, Int((seconds * Double(sampleRate)).rounded(.up)))
        samples.reserveCapacity(capacity + capacity / 2)
    }

    /// The session frame just after the newest sample: how much audio the session has.
    public var endFrame: Int64 { startFrame + Int64(samples.count) }

    /// Seconds from the start of the session to the oldest kept sample.
    public var startTime: Double { Double(startFrame) / Double(sampleRate) }

    /// Seconds from the start of the session to the end of the newest sample.
    public var endTime: Double { Double(endFrame) / Double(sampleRate) }

    /// Appends samples that follow the newest ones without a gap.
    public mutating func append(_ newSamples: [Float]) {
        samples += newSamples
        // Trimming only once the excess reaches half the capacity keeps appends amortized O(1)
        // instead of shifting the whole buffer for every 100 ms chunk.
        let excess = samples.count - capacity
        if excess >= capacity / 2 {
            samples.removeFirst(excess)
            startFrame += Int64(excess)
        }
    }

    /// Appends `frames` of silence, standing in for audio the capture stream dropped, so that
    /// later samples keep their session time.
    public mutating func appendSilence(frames: Int) {
        guard frames > 0 else { return }
        append([Float](repeating: 0, count: frames))
    }

    /// The kept audio from `start` to `end` seconds of the session, clamped to what is kept.
    ///
    /// A range entirely outside the kept audio gives an empty window placed at the nearest edge.
    public func window(from start: Double, to end: Double) -> LiveAudioWindow {
        let oldest = max(startFrame, endFrame - Int64(capacity))
        let lower = min(max(frame(at: start), oldest), endFrame)
        let upper = min(max(frame(at: end), lower), endFrame)
        let offset = Int(lower - startFrame)
        let count = Int(upper - lower)
        return LiveAudioWindow(
            start: Double(lower) / Double(sampleRate),
            samples: Array(samples[offset..<(offset + count)]),
            sampleRate: sampleRate
        )
    }

    private func frame(at time: Double) -> Int64 {
        guard time.isFinite else { return time > 0 ? endFrame : startFrame }
        return Int64((time * Double(sampleRate)).rounded())
    }
}
