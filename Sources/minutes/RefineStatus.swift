import Foundation
import MinutesCore
import Synchronization

/// How far a refine of a session's recording got, in a small file beside the recording, so
/// that a refine running in the background (after the console) can be followed.
///
/// Written whole (atomically) at each stage by the refining process; `minutes refine ID
/// --status` reads it. It holds no words, only stages, counts and an error message.
struct RefineStatus: Codable, Equatable {
    var session: String
    /// The refining process, to tell a refine still running from one that died.
    var processID: Int32
    var stage: String
    var started: Date
    var updated: Date
    var finished: Bool
    /// What the finished refine did ("12 segments, 3 speakers"), or why it failed.
    var outcome: String?
    var failure: String?

    /// The status file of the recording at `audioPath`.
    static func path(forRecording audioPath: String) -> String {
        URL(fileURLWithPath: audioPath).deletingPathExtension().path + ".refine"
    }

    static func read(forRecording audioPath: String) -> RefineStatus? {
        guard let data = FileManager.default.contents(atPath: path(forRecording: audioPath)) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(RefineStatus.self, from: data)
    }

    /// Best effort: a refine that cannot write its status still refines.
    func write(forRecording audioPath: String) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? data.write(to: URL(fileURLWithPath: Self.path(forRecording: audioPath)), options: .atomic)
    }

    /// One line for the user.
    var summary: String {
        if finished {
            if let failure { return "The refine of session \(session) failed: \(failure)" }
            return "Session \(session) is refined: \(outcome ?? "done")."
        }
        guard kill(processID, 0) == 0 || errno == EPERM else {
            return "The refine of session \(session) stopped at \(stage) (its process is gone); "
                + "the live version is intact: run `minutes refine \(session)` again."
        }
        let seconds = Int(Date().timeIntervalSince(started))
        return "Refining session \(session): \(stage) (\(seconds) s so far)."
    }
}

/// Keeps the status file in step with the pipeline's stages.
final class StageReporter: Sendable {
    private let status: Mutex<RefineStatus>
    private let recording: String

    init(status: RefineStatus, recording: String) {
        self.status = Mutex(status)
        self.recording = recording
    }

    func enter(_ stage: String) {
        update { $0.stage = stage }
    }

    func finish(outcome: String? = nil, failure: String? = nil) {
        update {
            $0.finished = true
            $0.outcome = outcome
            $0.failure = failure
        }
    }

    private func update(_ change: (inout RefineStatus) -> Void) {
        let current = status.withLock { status in
            change(&status)
            status.updated = Date()
            return status
        }
        current.write(forRecording: recording)
    }
}
