import Foundation
import MinutesCore

#if canImport(Glibc)
import Glibc
#endif

/// Records a meeting's audio to a WAV file as it arrives, so a crash loses at most a second.
///
/// Every chunk is appended at once with ``WAVWriter`` (whose header is valid after each append)
/// and the file is synced to disk every ``syncInterval`` seconds of audio and on ``close()``. A
/// sidecar `NAME.json` (see ``RecordingSidecar``) marks the recording unfinished until it is
/// closed cleanly; ``RecordingRecovery`` finds and repairs recordings whose writer died.
///
/// The writer must see every chunk, so it is fed synchronously by whoever consumes the capture
/// stream, first, before anything else that could fail or take long:
///
/// ```swift
/// for await chunk in source.chunks {
///     try recorder.append(chunk)   // first: the recording never misses a chunk it was given
///     await pipeline.process(chunk)
/// }
/// try recorder.close()
/// ```
///
/// Chunks the stream dropped for a slow consumer show up as a jump in `startFrame`; the writer
/// fills such gaps with silence (counted in ``gapFrames``), so a time in the recording is
/// always the same time in the transcript.
public final class RecordingWriter {
    public let directory: String
    public let name: String
    /// `directory/NAME.wav`.
    public let audioPath: String
    /// `directory/NAME.json`.
    public let sidecarPath: String
    public let sampleRate: Int
    /// Seconds of audio between syncs to disk (0 syncs after every chunk).
    public let syncInterval: Double
    public private(set) var sidecar: RecordingSidecar
    /// Frames of silence written in place of chunks the stream dropped.
    public private(set) var gapFrames: Int64 = 0
    /// How many times the file has been synced to disk.
    public private(set) var syncCount = 0

    /// The longest gap filled with silence: a longer jump in `startFrame` is a bug, not a drop.
    public static let maximumGapSeconds = 60

    private let wav: WAVWriter
    private let syncFrames: Int64
    private var framesSinceSync: Int64 = 0
    private var nextFrame: Int64?
    private var isClosed = false

    /// Creates `directory/NAME.wav` and its sidecar, creating `directory` if needed.
    ///
    /// The directory's writability is checked by creating the files, before any audio arrives,
    /// so a session never starts without the recording it expects.
    ///
    /// - Parameters:
    ///   - directory: The recordings directory.
    ///   - name: The file name without extension (a session id and a time, say).
    ///   - sessionID: The session the audio belongs to, kept in the sidecar.
    ///   - sampleRate: The rate of the chunks that will be appended.
    ///   - sampleFormat: How samples are stored; 16-bit is half the size and plenty for speech.
    ///   - syncInterval: Seconds of audio between syncs to disk.
    ///   - started: The start time for the sidecar.
    /// - Throws: `MinutesError(.invalidInput)` for a name that is not a plain file name,
    ///   `.conflict` when the recording exists already, `.storage` when the directory cannot be
    ///   created or written.
    public init(
        directory: String,
        name: String,
        sessionID: String,
        sampleRate: Int = 16_000,
        sampleFormat: WAVWriter.SampleFormat = .int16,
        syncInterval: Double = 1,
        started: Date = Date()
    ) throws {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw MinutesError(.invalidInput, "'\(name)' cannot name a recording: use a plain file name")
        }
        guard syncInterval >= 0, syncInterval.isFinite else {
            throw MinutesError(.invalidInput, "the sync interval must be 0 or more seconds, not \(syncInterval)")
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw MinutesError(.storage, "cannot create the recordings directory '\(directory)'", cause: error)
        }
        let audioPath = directory + "/" + name + ".wav"
        let sidecarPath = directory + "/" + name + ".json"
        guard !FileManager.default.fileExists(atPath: audioPath), !FileManager.default.fileExists(atPath: sidecarPath)
        else {
            throw MinutesError(.conflict, "recording '\(name)' already exists in '\(directory)'")
        }
        let wav: WAVWriter
        do {
            wav = try WAVWriter(path: audioPath, sampleRate: sampleRate, sampleFormat: sampleFormat)
        } catch let error as MinutesError where error.code == .storage {
            throw MinutesError(
                .storage,
                "cannot record into '\(directory)': it is not writable (set another recordings directory)",
                cause: error
            )
        }
        let sidecar = RecordingSidecar(
            sessionID: sessionID,
            started: started,
            sampleRate: sampleRate,
            audioFile: name + ".wav"
        )
        do {
            try wav.flush()
            try sidecar.write(to: sidecarPath)
        } catch {
            try? wav.close()
            unlink(audioPath)
            throw MinutesError(.storage, "cannot record into '\(directory)'", cause: error)
        }
        self.directory = directory
        self.name = name
        self.audioPath = audioPath
        self.sidecarPath = sidecarPath
        self.sampleRate = sampleRate
        self.syncInterval = syncInterval
        self.sidecar = sidecar
        self.wav = wav
        syncFrames = Int64((syncInterval * Double(sampleRate)).rounded())
    }

    /// Frames in the file, silence for gaps included.
    public var frameCount: Int64 { wav.frameCount }

    /// Seconds of audio in the file.
    public var duration: Double { wav.duration }

    /// Appends `chunk`, after silence for any frames the stream dropped before it.
    ///
    /// The first chunk's `startFrame` is the start of the file.
    ///
    /// - Throws: `MinutesError(.invalidInput)` for a chunk at another sample rate, one that
    ///   overlaps what is written, or a gap over ``maximumGapSeconds``; `.storage` when writing
    ///   fails (a full disk).
    public func append(_ chunk: AudioChunk) throws {
        guard !isClosed else {
            throw MinutesError(.invalidInput, "recording '\(name)' is already closed")
        }
        guard chunk.sampleRate == sampleRate else {
            throw MinutesError(
                .invalidInput,
                "recording '\(name)' is at \(sampleRate) Hz and cannot take a chunk at \(chunk.sampleRate) Hz"
            )
        }
        let expected = nextFrame ?? chunk.startFrame
        let gap = chunk.startFrame - expected
        guard gap >= 0 else {
            throw MinutesError(
                .invalidInput,
                "a chunk at frame \(chunk.startFrame) overlaps recording '\(name)', which has reached frame \(expected)"
            )
        }
        guard gap <= Int64(Self.maximumGapSeconds * sampleRate) else {
            throw MinutesError(
                .invalidInput,
                "a chunk at frame \(chunk.startFrame) leaves a gap of \(gap) frames in recording '\(name)'"
            )
        }
        var silence = gap
        while silence > 0 {
            let block = Int(min(silence, Int64(sampleRate)))
            try wav.append([Float](repeating: 0, count: block))
            silence -= Int64(block)
        }
        gapFrames += gap
        try wav.append(chunk.samples)
        nextFrame = chunk.startFrame + Int64(chunk.samples.count)
        framesSinceSync += gap + Int64(chunk.samples.count)
        if framesSinceSync >= syncFrames {
            try flush()
        }
    }

    /// Syncs what was appended to disk now.
    public func flush() throws {
        try wav.flush()
        syncCount += 1
        framesSinceSync = 0
    }

    /// Syncs and closes the file and marks the recording finished in its sidecar.
    public func close(ended: Date = Date()) throws {
        guard !isClosed else { return }
        isClosed = true
        try flush()
        try wav.close()
        sidecar.finished = true
        sidecar.ended = ended
        sidecar.frameCount = wav.frameCount
        try sidecar.write(to: sidecarPath)
    }
}
