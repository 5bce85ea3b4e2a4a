import MinutesCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A recording read in blocks of mono samples at its own rate: a WAV file (``WAVReader``,
/// Minutes' own reader, byte-exact and crash-repairable) or anything else FFmpeg decodes
/// (``FFmpegAudioReader``).
public protocol AudioBlockReader: AnyObject {
    /// The rate of the samples ``read(maxFrames:)`` returns.
    var sampleRate: Int { get }
    /// Seconds of audio, when the file says.
    var duration: Double? { get }
    /// Up to `maxFrames` mono samples; an empty array at the end.
    func read(maxFrames: Int) throws -> [Float]
}

/// Opens recordings by what they contain, not by their name.
public enum AudioBlockReaders {
    /// A reader for `path`, chosen by its first bytes: WAV files (RIFF, RF64) by Minutes' WAV
    /// reader, which repairs what a crash leaves, and anything else, or a WAV in an encoding
    /// that reader does not know (μ-law, ADPCM), by FFmpeg.
    ///
    /// - Throws: `MinutesError(.invalidInput)` naming the file when it cannot be opened or
    ///   decoded; the message says what the file looks like and what Minutes reads.
    public static func open(_ path: String) throws -> any AudioBlockReader {
        let file = try POSIXFile(path: path, flags: O_RDONLY)
        var start = [UInt8](repeating: 0, count: 12)
        let count = try start.withUnsafeMutableBytes { try file.read(into: $0, at: 0) }
        start = Array(start.prefix(count))
        let tag = String(decoding: start.prefix(4), as: UTF8.self)
        guard tag == "RIFF" || tag == "RF64" else {
            do {
                return try FFmpegAudioReader(path: path)
            } catch let error as MinutesError {
                throw MinutesError(
                    .invalidInput,
                    "\(error.message); \(WAVHeader.describe(start: start)). \(WAVHeader.accepted)"
                )
            }
        }
        do {
            return try WAVReader(path: path)
        } catch let wavError {
            guard let decoded = try? FFmpegAudioReader(path: path) else { throw wavError }
            return decoded
        }
    }
}

extension WAVReader: AudioBlockReader {
    public var sampleRate: Int { format.sampleRate }
    public var duration: Double? { format.duration }
}
