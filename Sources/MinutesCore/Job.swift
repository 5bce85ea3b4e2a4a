import Foundation

/// A unit of background work in the durable ``JobQueue``: today, processing an uploaded
/// meeting recording.
///
/// The payload and result are opaque JSON text to the queue, so the queue's schema does not
/// change when a job kind gains a field.
public struct Job: Hashable, Sendable, Codable {
    /// Where a job is in its life.
    public enum State: String, Hashable, Sendable, Codable, CaseIterable {
        /// Waiting for a worker (new, or retrying after a failure once `runAfter` has passed).
        case queued
        /// Claimed by a worker whose lease has not expired.
        case running
        case done
        /// Failed for good: out of attempts, or failed in a way retrying cannot fix.
        case failed
    }

    public var id: JobID
    /// What to do, such as `process_meeting`; a worker runs only the kinds it knows.
    public var kind: String
    /// The job's input as JSON text (never logged: it can name people).
    public var payload: String
    public var state: State
    /// The pipeline stage running now (`diarize`, `transcribe`, …), for status reports.
    public var stage: String?
    /// 0…1 through the whole job.
    public var progress: Double
    /// Attempts started so far, the current one included.
    public var attempts: Int
    public var maxAttempts: Int
    /// A queued job is not claimed before this (backoff after a failure).
    public var runAfter: Date
    /// The worker holding a running job, and until when: a worker that dies stops renewing
    /// its lease, and the job becomes claimable again once the lease runs out.
    public var worker: String?
    public var leaseExpiresAt: Date?
    /// Why the last attempt failed (kept after a successful retry too, for the record).
    public var failureReason: String?
    /// The outcome as JSON text, once done.
    public var result: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: JobID,
        kind: String,
        payload: String,
        state: State = .queued,
        stage: String? = nil,
        progress: Double = 0,
        attempts: Int = 0,
        maxAttempts: Int = 3,
        runAfter: Date,
        worker: String? = nil,
        leaseExpiresAt: Date? = nil,
        failureReason: String? = nil,
        result: String? = nil,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.state = state
        self.stage = stage
        self.progress = progress
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.runAfter = runAfter
        self.worker = worker
        self.leaseExpiresAt = leaseExpiresAt
        self.failureReason = failureReason
        self.result = result
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
