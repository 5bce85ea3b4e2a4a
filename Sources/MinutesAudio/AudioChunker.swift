import MinutesCore

/// Cuts a stream of arbitrarily sized sample blocks into fixed-size ``AudioChunk``s.
///
/// Capture devices and resamplers hand over whatever they have; voice activity detection and
/// the recorder want steady chunks (100 ms = 1 600 samples at 16 kHz by default) stamped with
/// their position in the stream, so a consumer can place them in time without a clock.
public struct AudioChunker: Sendable {
    /// Samples per chunk; only the last chunk of a stream may be shorter.
    public let chunkFrames: Int
    public let sampleRate: Int
    /// The `startFrame` the next chunk will carry.
    public private(set) var nextStartFrame: Int64
    private var pending: [Float] = []

    /// Creates a chunker whose first chunk starts at `startFrame`.
    ///
    /// - Throws: `MinutesError(.invalidInput)` when `chunkFrames` or `sampleRate` is not positive.
    public init(chunkFrames: Int = 1_600, sampleRate: Int = 16_000, startFrame: Int64 = 0) throws {
        guard chunkFrames > 0 else {
            throw MinutesError(.invalidInput, "chunks must hold at least one sample, not \(chunkFrames)")
        }
        guard sampleRate > 0 else {
            throw MinutesError(.invalidInput, "the sample rate must be positive, not \(sampleRate) Hz")
        }
        self.chunkFrames = chunkFrames
        self.sampleRate = sampleRate
        nextStartFrame = startFrame
        pending.reserveCapacity(chunkFrames)
    }

    /// Samples held back until the next chunk is full.
    public var pendingFrameCount: Int { pending.count }

    /// Cuts `samples` into the chunk sizes the stream needs.
    public static func chunks(
        of samples: [Float],
        chunkFrames: Int = 1_600,
        sampleRate: Int = 16_000
    ) throws
        -> [AudioChunk]
    {
        var chunker = try AudioChunker(chunkFrames: chunkFrames, sampleRate: sampleRate)
        var chunks = chunker.append(samples)
        if let last = chunker.finish() {
            chunks.append(last)
        }
        return chunks
    }

    /// Adds the next block of the stream.
    ///
    /// - Returns: The chunks it completed, in order; the rest waits for more input or ``finish()``.
    public mutating func append(_ samples: [Float]) -> [AudioChunk] {
        var chunks: [AudioChunk] = []
        var index = 0
        if !pending.isEmpty {
            let taken = min(chunkFrames - pending.count, samples.count)
            pending.append(contentsOf: samples[0..<taken])
            index = taken
            if pending.count == chunkFrames {
                chunks.append(emit(pending))
                pending.removeAll(keepingCapacity: true)
            }
        }
        while samples.count - index >= chunkFrames {
            chunks.append(emit(Array(samples[index..<index + chunkFrames])))
            index += chunkFrames
        }
        pending.append(contentsOf: samples[index...])
        return chunks
    }

    /// Emits the partial last chunk, if any samples are waiting.
    public mutating func finish() -> AudioChunk? {
        guard !pending.isEmpty else { return nil }
        let chunk = emit(pending)
        pending.removeAll(keepingCapacity: true)
        return chunk
    }

    private mutating func emit(_ samples: [Float]) -> AudioChunk {
        let chunk = AudioChunk(samples: samples, startFrame: nextStartFrame, sampleRate: sampleRate)
        nextStartFrame += Int64(samples.count)
        return chunk
    }
}
