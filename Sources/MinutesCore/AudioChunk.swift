/// A piece of a mono audio stream as it flows from capture or a file to the engines.
///
/// Samples are 32-bit floats in -1…1. `startFrame` counts frames from the start of the
/// stream, so a consumer can place the chunk in time without a clock.
public struct AudioChunk: Sendable, Equatable {
    public var samples: [Float]
    public var startFrame: Int64
    public var sampleRate: Int

    public init(samples: [Float], startFrame: Int64, sampleRate: Int) {
        self.samples = samples
        self.startFrame = startFrame
        self.sampleRate = sampleRate
    }

    /// Seconds from the start of the stream to the first sample.
    public var startTime: Double { Double(startFrame) / Double(sampleRate) }

    /// Length in seconds.
    public var duration: Double { Double(samples.count) / Double(sampleRate) }
}
