import Foundation

/// How far a refine of a session's recording got, in a small file beside the recording, so
/// that a refine running in the background (after the console) can be followed.
///
/// Written whole (atomically) at each stage by the refining process; `minutes refine ID
/// --status` and the console's `r` read it. It holds no words, only stages, counts and an
/// error message.
public struct RefineStatus: Codable, Equatable, Sendable {
    public var session: String
    /// The refining process, to tell a refine still running from one that died.
    public var processID: Int32
    public var stage: String
    public var started: Date
    public var updated: Date
    public var finished: Bool
    /// What the finished refine did ("12 segments, 3 speakers"), or why it failed.
    public var outcome: String?
    public var failure: String?

    public init(
        session: String,
        processID: Int32,
        stage: String,
        started: Date,
        updated: Date,
        finished: Bool,
        outcome: String? = nil,
        failure: String? = nil
    ) {
        self.session = session
        self.processID = processID
        self.stage = stage
        self.started = started
        self.updated = updated
        self.finished = finished
        self.outcome = outcome
        self.failure = failure
    }

    /// Every refine whose status is in `directory` (beside the recordings it refines),
    /// the most recently updated first.
    public static func all(inDirectory directory: String) -> [RefineStatus] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".refine") }
            .compactMap { read(statusFile: directory + "/" + $0) }
            .sorted { $0.updated > $1.updated }
    }

    /// The status file of the recording at `audioPath`.
    public static func path(forRecording audioPath: String) -> String {
        URL(fileURLWithPath: audioPath).deletingPathExtension().path + ".refine"
    }

    public static func read(forRecording audioPath: String) -> RefineStatus? {
        read(statusFile: path(forRecording: audioPath))
    }

    private static func read(statusFile: String) -> RefineStatus? {
        guard let data = FileManager.default.contents(atPath: statusFile) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(RefineStatus.self, from: data)
    }

    /// Best effort: a refine that cannot write its status still refines.
    public func write(forRecording audioPath: String) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(self) else { return }
        try? data.write(to: URL(fileURLWithPath: Self.path(forRecording: audioPath)), options: .atomic)
    }

    /// One line for the user.
    public var summary: String {
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
