import Foundation
import MinutesCore

/// Finds recordings whose writer died before closing them, and repairs them.
///
/// Run at start-up (`minutes` offers to keep what it finds): every sidecar in the recordings
/// directory that still says unfinished names a WAV file whose last append may not have reached
/// the header; ``WAVWriter/repair(_:)`` makes the header match the samples on disk.
public enum RecordingRecovery {
    /// A recording left unfinished, after repair.
    public struct Unfinished: Sendable, Equatable {
        public var audioPath: String
        public var sidecarPath: String
        public var sidecar: RecordingSidecar
        /// Seconds of audio recovered (0 when the file could not be repaired).
        public var duration: Double
        /// Why the audio could not be recovered (a missing or unreadable file), or nil.
        public var problem: MinutesError?
    }

    /// Repairs and lists the unfinished recordings in `directory`, oldest first.
    ///
    /// Repair is idempotent, so listing again changes nothing; ``markFinished(_:at:)`` takes a
    /// recording off the list. Sidecars that cannot be read are skipped.
    ///
    /// - Throws: `MinutesError(.storage)` when `directory` exists but cannot be listed.
    public static func unfinished(in directory: String) throws -> [Unfinished] {
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw MinutesError(.storage, "cannot list the recordings directory '\(directory)'", cause: error)
        }
        var found: [Unfinished] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let sidecarPath = directory + "/" + name
            guard let sidecar = try? RecordingSidecar.read(from: sidecarPath), !sidecar.finished else { continue }
            let named = sidecar.audioPath(in: directory)
            let audioPath = named ?? directory + "/" + sidecar.audioFile
            var recording = Unfinished(audioPath: audioPath, sidecarPath: sidecarPath, sidecar: sidecar, duration: 0)
            if named == nil {
                // Never repair a file outside the directory because a sidecar says so.
                recording.problem = MinutesError(.invalidInput, "'\(name)' names no audio file in this directory")
            } else if !FileManager.default.fileExists(atPath: audioPath) {
                recording.problem = MinutesError(.notFound, "the audio of unfinished recording '\(name)' is missing")
            } else {
                do {
                    recording.duration = try WAVWriter.repair(audioPath)
                } catch let error as MinutesError {
                    recording.problem = error
                }
            }
            found.append(recording)
        }
        return found.sorted { ($0.sidecar.started, $0.sidecarPath) < ($1.sidecar.started, $1.sidecarPath) }
    }

    /// Marks a recovered recording finished, so it is not offered again.
    ///
    /// - Throws: `MinutesError(.storage)` when the sidecar cannot be written.
    public static func markFinished(_ recording: Unfinished, at date: Date = Date()) throws {
        var sidecar = recording.sidecar
        sidecar.finished = true
        sidecar.recovered = true
        sidecar.ended = date
        sidecar.frameCount = Int64((recording.duration * Double(sidecar.sampleRate)).rounded())
        try sidecar.write(to: recording.sidecarPath)
    }
}
