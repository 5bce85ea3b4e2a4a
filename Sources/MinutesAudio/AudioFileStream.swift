import MinutesCore

/// Replays a recording (WAV, or any format FFmpeg decodes) as 16 kHz mono ``AudioChunk``s,
/// the shape every engine consumes.
///
/// It composes an ``AudioBlockReader`` (bounded blocks), ``Resampler`` and ``AudioChunker``, so a
/// three-hour file streams in constant memory and chunk `startFrame`s count 16 kHz frames
/// from the start of the file, exactly as live capture stamps them.
public final class AudioFileStream {
    /// The rate of the file before conversion.
    public let sourceSampleRate: Int
    /// Samples per chunk; only the last chunk may be shorter.
    public let chunkFrames: Int
    /// The rate of every chunk.
    public let sampleRate: Int

    private let reader: any AudioBlockReader
    private var resampler: Resampler
    private var chunker: AudioChunker
    private let blockFrames: Int
    private var ready: [AudioChunk] = []
    private var readyIndex = 0
    private var isFinished = false

    /// Opens `path` for streaming.
    ///
    /// - Parameters:
    ///   - path: A WAV file in any encoding ``WAVReader`` reads, or a file FFmpeg decodes.
    ///   - chunkFrames: Samples per chunk at `sampleRate`; the default is 100 ms at 16 kHz.
    ///   - sampleRate: The rate of the chunks.
    /// - Throws: `MinutesError(.invalidInput)` when the file cannot be read or a size is not positive.
    public init(path: String, chunkFrames: Int = 1_600, sampleRate: Int = 16_000) throws {
        reader = try AudioBlockReaders.open(path)
        sourceSampleRate = reader.sampleRate
        resampler = try Resampler(from: reader.sampleRate, to: sampleRate)
        chunker = try AudioChunker(chunkFrames: chunkFrames, sampleRate: sampleRate)
        self.chunkFrames = chunkFrames
        self.sampleRate = sampleRate
        // About 200 ms of the source per read: few system calls, little memory.
        blockFrames = max(1_024, reader.sampleRate / 5)
    }

    /// Opens `path` for streaming in chunks of `chunkDuration` seconds (rounded to whole samples).
    ///
    /// - Throws: `MinutesError(.invalidInput)` when the file cannot be read or the duration is
    ///   shorter than one sample.
    public convenience init(path: String, chunkDuration: Double, sampleRate: Int = 16_000) throws {
        let frames = (chunkDuration * Double(sampleRate)).rounded()
        guard frames >= 1, frames <= Double(Int32.max) else {
            throw MinutesError(.invalidInput, "a chunk of \(chunkDuration) s at \(sampleRate) Hz holds no whole sample")
        }
        try self.init(path: path, chunkFrames: Int(frames), sampleRate: sampleRate)
    }

    /// The length of the stream in seconds, when the file's header gives it.
    public var duration: Double? { reader.duration }

    /// The next chunk, or nil at the end of the file.
    public func next() throws -> AudioChunk? {
        while readyIndex == ready.count {
            if isFinished { return nil }
            ready = try refill()
            readyIndex = 0
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }

    /// Calls `body` with every remaining chunk, in order.
    public func forEachChunk(_ body: (AudioChunk) throws -> Void) throws {
        while let chunk = try next() {
            try body(chunk)
        }
    }

    /// Reads one block and returns the chunks it completes; at the end, the flushed tail.
    private func refill() throws -> [AudioChunk] {
        let block = try reader.read(maxFrames: blockFrames)
        if !block.isEmpty {
            return chunker.append(resampler.process(block))
        }
        isFinished = true
        var chunks = chunker.append(resampler.finish())
        if let last = chunker.finish() {
            chunks.append(last)
        }
        return chunks
    }
}
