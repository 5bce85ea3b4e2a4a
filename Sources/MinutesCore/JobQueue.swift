import Foundation

/// A durable queue of background jobs shared by every worker of every `minutes serve`
/// process using the same database.
///
/// Claiming is atomic: two workers never hold the same job (PostgreSQL: `SELECT … FOR UPDATE
/// SKIP LOCKED`; SQLite: one writer at a time). A claimed job carries a lease its worker
/// renews with ``heartbeat(_:worker:stage:progress:leaseSeconds:)``; when a process dies,
/// its leases run out and the jobs are claimed again, so work survives a crash or restart.
/// Workers check the result of each call that names them: `false` means the job is no
/// longer theirs (the lease ran out and another worker took it), and they must stop.
public protocol JobQueue: Sendable {
    /// Adds a queued job, runnable at once, with its input file (an uploaded recording).
    ///
    /// The attachment is kept in the database, not on one machine's disk, so a worker on
    /// any machine can run the job; it is deleted when the job completes, fails for good or
    /// is deleted, since a recording holds people's voices.
    func enqueue(_ job: Job, attachment: Data?) async throws

    /// The job's input file while it has one.
    func attachment(of id: JobID) async throws -> Data?

    /// Claims the oldest runnable job of one of `kinds` for `worker`: queued with `runAfter`
    /// passed, or running with an expired lease. Its attempts count goes up by one.
    ///
    /// A job whose lease ran out on its last attempt is not run again: it fails for good (and
    /// loses its attachment), so a job that kills its worker cannot loop forever.
    ///
    /// - Returns: The claimed job, or nil when none is runnable.
    func claim(kinds: [String], worker: String, leaseSeconds: Double) async throws -> Job?

    /// Renews the lease and records progress.
    /// - Returns: false when `worker` no longer holds the job.
    func heartbeat(
        _ id: JobID,
        worker: String,
        stage: String?,
        progress: Double,
        leaseSeconds: Double
    ) async throws
        -> Bool

    /// Marks the job done with its result and deletes its attachment.
    /// - Returns: false when `worker` no longer holds the job (the result is not recorded).
    func complete(_ id: JobID, worker: String, result: String) async throws -> Bool

    /// Records a failed attempt: queued again after `retryAfter` seconds when attempts are
    /// left and `retryAfter` is not nil, otherwise failed for good (and the attachment is
    /// deleted).
    /// - Returns: false when `worker` no longer holds the job.
    func fail(_ id: JobID, worker: String, reason: String, retryAfter: Double?) async throws -> Bool

    func job(_ id: JobID) async throws -> Job?

    /// Jobs waiting to run (queued, or running on an expired lease), for `/health`.
    func depth() async throws -> Int

    /// Removes the job and its payload (a forgotten or deleted meeting).
    @discardableResult func deleteJob(_ id: JobID) async throws -> Bool
}
