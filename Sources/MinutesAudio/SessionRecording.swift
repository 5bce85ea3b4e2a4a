import Foundation
import MinutesCore

/// Where a session's recording is, found through the sidecar that names the session, for a
/// refine.
///
/// Sessions do not store where their audio is: the recording's sidecar says which session it
/// belongs to (``RecordingSidecar/sessionID``), and it moves with the recording.
public enum SessionRecording {
    /// The finished recording of `session` in `directory` (nil: there is none to look in).
    ///
    /// - Throws: `.notFound` when no sidecar there names the session (imported or processed
    ///   from a file, or moved) or its audio is gone; `.conflict` while it is unfinished.
    public static func audioPath(of session: SessionID, in directory: String?) throws -> String {
        let giveIt = "give the recording with the refine (--recording FILE)"
        guard let directory else {
            throw MinutesError(
                .notFound,
                "no recording of session \(session) here (no recordings directory); \(giveIt)"
            )
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let found = names.sorted().filter { $0.hasSuffix(".json") }.lazy.compactMap { name in
            (try? RecordingSidecar.read(from: directory + "/" + name)).map { (name, $0) }
        }.first { $0.1.sessionID == session.rawValue }
        guard let (name, sidecar) = found else {
            throw MinutesError(
                .notFound,
                "no recording of session \(session) in \(directory): it was imported or processed from a file, "
                    + "or its recording was moved; \(giveIt)"
            )
        }
        guard let audioPath = sidecar.audioPath(in: directory) else {
            throw MinutesError(.invalidInput, "the sidecar \(directory)/\(name) names no audio file in its directory")
        }
        guard FileManager.default.fileExists(atPath: audioPath) else {
            throw MinutesError(
                .notFound,
                "the recording of session \(session) (\(audioPath)) was deleted or moved; \(giveIt)"
            )
        }
        guard sidecar.finished else {
            throw MinutesError(
                .conflict,
                "the recording of session \(session) is unfinished (still recording, or left by a crash: "
                    + "start minutes once to recover it)"
            )
        }
        return audioPath
    }
}

/// Held while a refine runs, across processes: an advisory lock on the recording, released
/// when this is.
public final class RefineLock {
    private let file: POSIXFile

    /// Locks the recording at `audioPath` for refining `session`.
    ///
    /// - Throws: `.conflict` when another refine holds it, `.invalidInput` when it cannot be opened.
    public init(audioPath: String, session: SessionID) throws {
        file = try POSIXFile(path: audioPath, flags: O_RDONLY)
        guard file.lockExclusively() else {
            throw MinutesError.refineRunning(session)
        }
    }
}
