import MinutesCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes mono WAV files whose header is valid after every append.
///
/// This is the base of the crash-safe recorder: after each ``append(_:)`` the RIFF and data
/// sizes (and the `fact` frame count of float files) are rewritten in place, so a crash,
/// power cut or `kill -9` leaves a file any player opens, missing at most the append that was
/// in flight. ``flush()`` makes what was appended durable; ``repair(_:)`` fixes the sizes of a
/// file whose writer died between writing samples and updating the header.
public final class WAVWriter {
    /// How samples are stored.
    public enum SampleFormat: Sendable, Equatable {
        /// 16-bit PCM: half the size of float and what every tool reads; samples are clipped to -1…1.
        case int16
        /// 32-bit IEEE float, lossless for the pipeline's floats; samples are clipped to -1…1 too.
        case float32

        var bytesPerSample: Int { self == .int16 ? 2 : 4 }
    }

    public let path: String
    public let sampleRate: Int
    public let sampleFormat: SampleFormat
    /// Frames in the file, including those from before ``init(appendingTo:)``.
    public private(set) var frameCount: Int64

    private let file: POSIXFile
    private let dataOffset: Int64
    private let factOffset: Int64?
    private var isClosed = false

    /// Creates (or empties) `path` and writes a header for zero frames.
    ///
    /// An existing file is truncated; a recorder resuming after a crash uses
    /// ``init(appendingTo:)`` instead, which keeps what the file holds.
    ///
    /// - Throws: `MinutesError(.invalidInput)` for a sample rate that is not positive,
    ///   `MinutesError(.storage)` when the file cannot be written.
    public init(path: String, sampleRate: Int, sampleFormat: SampleFormat = .int16) throws {
        guard sampleRate > 0, sampleRate <= Resampler.maximumRate else {
            throw MinutesError(.invalidInput, "cannot write a WAV file at \(sampleRate) Hz")
        }
        let file = try POSIXFile(path: path, flags: O_RDWR | O_CREAT | O_TRUNC)
        let header = Self.header(sampleRate: sampleRate, sampleFormat: sampleFormat)
        try header.bytes.withUnsafeBytes { try file.write($0, at: 0) }
        self.file = file
        self.path = path
        self.sampleRate = sampleRate
        self.sampleFormat = sampleFormat
        frameCount = 0
        dataOffset = Int64(header.bytes.count)
        factOffset = header.factOffset
    }

    /// Opens an existing mono 16-bit or float WAV file to add to its end, as a recorder does
    /// when it resumes after a crash; the header is repaired first (see ``repair(_:)``).
    ///
    /// - Throws: `MinutesError(.invalidInput)` when the file is not a mono 16-bit PCM or 32-bit
    ///   float WAV file whose data chunk is the last chunk.
    public init(appendingTo path: String) throws {
        file = try POSIXFile(path: path, flags: O_RDWR)
        let header = try Self.repairHeader(of: file)
        let format = header.format
        switch (format.channelCount, format.encoding) {
        case (1, .signedInteger16): sampleFormat = .int16
        case (1, .float32): sampleFormat = .float32
        default:
            throw MinutesError(
                .invalidInput,
                "cannot append to '\(path)': it holds \(format.channelCount)-channel \(format.encoding) audio, "
                    + "and Minutes appends only to mono 16-bit PCM or 32-bit float files"
            )
        }
        let dataSize = header.dataSize ?? 0
        guard header.dataOffset + dataSize == header.fileSize else {
            throw MinutesError(
                .invalidInput,
                "cannot append to '\(path)': it has chunks after its audio data, which appending would corrupt"
            )
        }
        self.path = path
        sampleRate = format.sampleRate
        frameCount = dataSize / Int64(format.bytesPerFrame)
        dataOffset = header.dataOffset
        factOffset = header.factOffset
    }

    /// Length of the file's audio in seconds.
    public var duration: Double { Double(frameCount) / Double(sampleRate) }

    /// Writes `samples` to `path` as a complete file (without syncing it to disk).
    public static func write(
        _ samples: [Float],
        to path: String,
        sampleRate: Int,
        sampleFormat: SampleFormat = .int16
    ) throws {
        let writer = try WAVWriter(path: path, sampleRate: sampleRate, sampleFormat: sampleFormat)
        try writer.append(samples)
        try writer.close()
    }

    /// Appends `samples` (clipped to -1…1; NaN becomes 0) and rewrites the header sizes.
    ///
    /// - Throws: `MinutesError(.storage)` when writing fails or the file would pass the 4 GiB
    ///   a RIFF header can describe (about 37 hours of 16-bit audio at 16 kHz).
    public func append(_ samples: [Float]) throws {
        guard !isClosed else {
            throw MinutesError(.invalidInput, "cannot append to '\(path)': the writer is closed")
        }
        guard !samples.isEmpty else { return }
        let bytesPerFrame = Int64(sampleFormat.bytesPerSample)
        let newFrames = frameCount + Int64(samples.count)
        let dataBytes = newFrames * bytesPerFrame
        guard dataOffset + dataBytes - 8 <= Int64(UInt32.max) else {
            throw MinutesError(
                .storage,
                "'\(path)' has reached the 4 GiB a WAV file can hold; start a new file"
            )
        }
        let encoded = encode(samples)
        try encoded.withUnsafeBytes { try file.write($0, at: dataOffset + frameCount * bytesPerFrame) }
        frameCount = newFrames
        // Samples first, sizes second: a crash in between leaves a header that undercounts,
        // which players accept and ``repair(_:)`` corrects.
        try file.writeUInt32(UInt32(dataOffset + dataBytes - 8), at: 4)
        try file.writeUInt32(UInt32(dataBytes), at: dataOffset - 4)
        if let factOffset {
            try file.writeUInt32(UInt32(truncatingIfNeeded: newFrames), at: factOffset)
        }
    }

    /// Makes everything appended so far durable (`fsync`).
    public func flush() throws {
        guard !isClosed else { return }
        try file.sync()
    }

    /// Closes the file; the header is already complete, so closing adds nothing to it.
    public func close() throws {
        guard !isClosed else { return }
        isClosed = true
        try file.close()
    }

    private func encode(_ samples: [Float]) -> [UInt8] {
        let byteCount = samples.count * sampleFormat.bytesPerSample
        return [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            for (index, sample) in samples.enumerated() {
                let clipped = sample.isNaN ? 0 : min(1, max(-1, sample))
                switch sampleFormat {
                case .int16:
                    // × 32 768 (clamped) mirrors the reader's ÷ 32 768, so samples read from a
                    // 16-bit file are written back bit for bit.
                    let value = Int16(min(32_767, (clipped * 32_768).rounded()))
                    raw.storeBytes(of: value.littleEndian, toByteOffset: index * 2, as: Int16.self)
                case .float32:
                    raw.storeBytes(of: clipped.bitPattern.littleEndian, toByteOffset: index * 4, as: UInt32.self)
                }
            }
            initialized = byteCount
        }
    }

    /// A header for zero frames, and where its `fact` frame count is (float files only).
    private static func header(sampleRate: Int, sampleFormat: SampleFormat) -> (bytes: [UInt8], factOffset: Int64?) {
        func append32(_ value: UInt32, to bytes: inout [UInt8]) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        func append16(_ value: UInt16, to bytes: inout [UInt8]) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        let isFloat = sampleFormat == .float32
        let bytesPerSample = sampleFormat.bytesPerSample
        var bytes = Array("RIFF".utf8)
        append32(0, to: &bytes)
        bytes += Array("WAVEfmt ".utf8)
        // Float formats carry a cbSize field and a fact chunk, as the format spec asks.
        append32(isFloat ? 18 : 16, to: &bytes)
        append16(isFloat ? 3 : 1, to: &bytes)
        append16(1, to: &bytes)
        append32(UInt32(sampleRate), to: &bytes)
        append32(UInt32(sampleRate * bytesPerSample), to: &bytes)
        append16(UInt16(bytesPerSample), to: &bytes)
        append16(UInt16(bytesPerSample * 8), to: &bytes)
        var factOffset: Int64?
        if isFloat {
            append16(0, to: &bytes)
            bytes += Array("fact".utf8)
            append32(4, to: &bytes)
            factOffset = Int64(bytes.count)
            append32(0, to: &bytes)
        }
        bytes += Array("data".utf8)
        append32(0, to: &bytes)
        let riffSize = UInt32(bytes.count - 8)
        withUnsafeBytes(of: riffSize.littleEndian) { bytes.replaceSubrange(4..<8, with: $0) }
        return (bytes, factOffset)
    }
}
