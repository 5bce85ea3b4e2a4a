import Foundation
import MinutesCore

#if canImport(Glibc)
import Glibc
#endif

/// The small JSON file beside a recording that says whether it was closed cleanly.
///
/// ``RecordingWriter`` writes it as unfinished, durably, before the first sample, and marks it
/// finished when it closes the recording. A sidecar still unfinished at the next start means the
/// process died mid-recording: ``RecordingRecovery`` then repairs the WAV file it names. It is a
/// separate file because the WAV header is rewritten on every append and has no room for a
/// session id.
public struct RecordingSidecar: Codable, Sendable, Equatable {
    /// The format of this file, for readers of older or newer ones.
    public var version: Int
    /// The session the audio belongs to.
    public var sessionID: String
    /// When recording started (whole seconds survive the round trip through JSON).
    public var started: Date
    public var sampleRate: Int
    /// The WAV file's name, in the same directory as the sidecar.
    public var audioFile: String
    /// Whether the recording was closed cleanly (or recovered and marked finished).
    public var finished: Bool
    /// When the recording was closed, once it is.
    public var ended: Date?
    /// Frames in the WAV file when it was closed.
    public var frameCount: Int64?
    /// Whether ``RecordingRecovery`` finished it after a crash rather than the writer closing it.
    public var recovered: Bool?

    public init(
        sessionID: String,
        started: Date,
        sampleRate: Int,
        audioFile: String,
        finished: Bool = false,
        ended: Date? = nil,
        frameCount: Int64? = nil,
        recovered: Bool? = nil
    ) {
        version = 1
        self.sessionID = sessionID
        self.started = started
        self.sampleRate = sampleRate
        self.audioFile = audioFile
        self.finished = finished
        self.ended = ended
        self.frameCount = frameCount
        self.recovered = recovered
    }

    /// The audio file it names, in `directory`, or nil when it names none there: a sidecar is
    /// never allowed to point outside its own directory.
    public func audioPath(in directory: String) -> String? {
        guard !audioFile.isEmpty, !audioFile.contains("/") else { return nil }
        return directory + "/" + audioFile
    }

    /// Reads the sidecar at `path`.
    ///
    /// - Throws: `MinutesError(.invalidInput)` when the file cannot be read or is not a sidecar.
    public static func read(from path: String) throws -> RecordingSidecar {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw MinutesError(.invalidInput, "cannot read recording sidecar '\(path)'", cause: error)
        }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(RecordingSidecar.self, from: data)
        } catch {
            throw MinutesError(.invalidInput, "'\(path)' is not a recording sidecar", cause: error)
        }
    }

    /// Replaces the sidecar at `path` atomically and durably.
    ///
    /// The JSON goes to a temporary file that is synced, then renamed over `path`, and the
    /// directory is synced, so after a crash the sidecar is either the old or the new one, whole.
    ///
    /// - Throws: `MinutesError(.storage)` when it cannot be written.
    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let bytes = try [UInt8](encoder.encode(self)) + [UInt8(ascii: "\n")]
        let temporary = path + ".tmp"
        let file = try POSIXFile(path: temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
        try bytes.withUnsafeBytes { try file.write($0, at: 0) }
        try file.sync()
        try file.close()
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw MinutesError(.storage, "cannot write recording sidecar '\(path)': \(reason)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        if let handle = try? POSIXFile(path: directory.isEmpty ? "." : directory, flags: O_RDONLY) {
            // Makes the rename itself durable; a file system that cannot sync a directory has
            // nothing more to offer, so a failure here is not an error.
            try? handle.sync()
        }
    }
}
