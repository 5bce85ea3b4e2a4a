import MinutesCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a WAV file block by block as mono floats at the file's own sample rate.
///
/// Memory stays bounded by the block size, so a three-hour recording is never loaded whole.
/// When the header does not give the data size (a recorder killed before it wrote the sizes,
/// or a streaming writer that put 0 or 0xFFFFFFFF there) the reader reads to the end of the
/// file, dropping a partial last frame.
public final class WAVReader {
    /// The file as given to ``init(path:)``.
    public let path: String
    /// The format of the file's samples before mixing to mono.
    public let format: WAVFormat
    /// Frames read so far.
    public private(set) var framesRead: Int64 = 0
    /// The seconds a header promises and the seconds there are, for a copy or download cut short.
    ///
    /// Nil when the file holds what its header says. The audio that is there is read.
    public let shortfall: (declared: Double, present: Double)?

    private let file: POSIXFile
    private let dataOffset: Int64
    /// End of the samples, or nil to read to the end of the file.
    private let dataEnd: Int64?
    private var position: Int64
    private var block: [UInt8] = []

    /// Opens `path` and reads its header.
    ///
    /// - Throws: `MinutesError(.invalidInput)` naming the file when it cannot be opened, is not a
    ///   WAV file, is truncated, uses an encoding Minutes cannot decode, or has no data chunk.
    public init(path: String) throws {
        self.path = path
        file = try POSIXFile(path: path, flags: O_RDONLY)
        let header = try WAVHeader.read(from: file)
        format = header.format
        dataOffset = header.dataOffset
        dataEnd = header.dataSize.map { header.dataOffset + $0 }
        position = header.dataOffset
        shortfall = header.missingDataSize.map { missing in
            let bytesPerSecond = Double(header.format.bytesPerFrame * header.format.sampleRate)
            let present = Double(max(0, header.fileSize - header.dataOffset)) / bytesPerSecond
            return (present + Double(missing) / bytesPerSecond, present)
        }
    }

    /// The most frames one ``read(maxFrames:)`` returns, which bounds the block buffer.
    public static let maximumBlockFrames = 1 << 20

    /// Reads up to `maxFrames` frames (at most ``maximumBlockFrames``), mixed to mono.
    ///
    /// - Returns: Between 1 and `maxFrames` samples, or an empty array at the end of the data.
    /// - Throws: `MinutesError(.invalidInput)` when `maxFrames` is not positive or reading fails.
    public func read(maxFrames: Int) throws -> [Float] {
        guard maxFrames > 0 else {
            throw MinutesError(.invalidInput, "maxFrames must be positive, not \(maxFrames)")
        }
        let frameBytes = format.bytesPerFrame
        var wanted = Int64(min(maxFrames, Self.maximumBlockFrames)) * Int64(frameBytes)
        if let dataEnd {
            wanted = min(wanted, dataEnd - position)
        }
        guard wanted >= frameBytes else { return [] }
        if block.count < wanted {
            block = [UInt8](repeating: 0, count: Int(wanted))
        }
        let samples = try block.withUnsafeMutableBytes { buffer in
            let region = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<Int(wanted)])
            let got = try file.read(into: region, at: position)
            let frames = got / frameBytes
            return WAVSampleDecoder.decodeMono(UnsafeRawBufferPointer(region), frameCount: frames, format: format)
        }
        position += Int64(samples.count * frameBytes)
        framesRead += Int64(samples.count)
        return samples
    }

    /// Reads every remaining frame, mixed to mono.
    public func readAll() throws -> [Float] {
        var samples: [Float] = []
        if let frames = format.frameCount {
            samples.reserveCapacity(Int(max(0, frames - framesRead)))
        }
        while true {
            let block = try read(maxFrames: 65_536)
            if block.isEmpty { return samples }
            samples.append(contentsOf: block)
        }
    }

    /// Starts reading again from the first frame.
    public func rewind() {
        position = dataOffset
        framesRead = 0
    }
}
