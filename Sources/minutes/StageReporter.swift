import Foundation
import MinutesCore
import Synchronization

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
