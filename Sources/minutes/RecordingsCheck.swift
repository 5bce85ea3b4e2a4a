import Foundation
import MinutesAudio

/// What the console does before recording: repair recordings a crash left unfinished and
/// say how to finish processing them, so nothing said is lost.
enum RecordingsCheck {
    static func announceRecovered(in directory: String) throws {
        guard FileManager.default.fileExists(atPath: directory) else { return }
        for recording in try RecordingRecovery.unfinished(in: directory) {
            let seconds = String(format: "%.1f", recording.duration)
            print("Recovered an unfinished recording: \(recording.audioPath) (\(seconds) s).")
            print("  Finish processing it with: minutes process \(recording.audioPath)")
            try RecordingRecovery.markFinished(recording)
        }
    }
}
