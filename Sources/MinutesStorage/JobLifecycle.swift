import Foundation
import MinutesCore

/// What each ``JobQueue`` call does to a job, as pure functions of the job and the time.
///
/// The SQLite and PostgreSQL queues differ only in how they lock a row and store it; keeping the
/// rules here gives both one meaning (and one place to read it): who holds a job, when it can
/// be claimed, how a failure is retried, and when its attachment must go.
struct JobLifecycle {
    /// The instant the transition happens, from the queue's injected clock.
    let now: Date

    /// What claiming a runnable job came to.
    enum ClaimOutcome: Equatable {
        /// The worker holds the job now.
        case claimed(Job)
        /// The job's previous worker died on its last attempt: it failed for good instead of
        /// being run once more than allowed, so a job that kills its worker cannot loop forever.
        case exhausted(Job)
    }

    /// SQL matching the jobs a worker may claim now: queued with their backoff over, or
    /// running on a lease that ran out.
    ///
    /// Both queues select with it, so they agree on what is runnable. The instant is written as
    /// an integer literal, which needs no quoting.
    var runnableCondition: String {
        let now = now.millisecondsSince1970
        return "((state = 'queued' AND run_after <= \(now)) OR (state = 'running' AND lease_expires_at <= \(now)))"
    }

    /// SQL matching the jobs waiting to run, for ``JobQueue/depth()``: queued (backing off
    /// included), or running on a lease that ran out.
    var waitingCondition: String {
        "(state = 'queued' OR (state = 'running' AND lease_expires_at <= \(now.millisecondsSince1970)))"
    }

    /// Whether `worker` still holds `job`: it is running and nobody claimed it since.
    ///
    /// A lease that ran out but was not yet claimed by anyone else still counts, so a slow
    /// worker's finished result is kept rather than thrown away.
    static func isHeld(_ job: Job, by worker: String) -> Bool {
        job.state == .running && job.worker == worker
    }

    /// The attachment is the recording: it stays only while the job may still run.
    static func keepsAttachment(_ job: Job) -> Bool {
        job.state == .queued || job.state == .running
    }

    func claim(_ job: Job, worker: String, leaseSeconds: Double) -> ClaimOutcome {
        var job = job
        job.updatedAt = now
        if job.state == .running && job.attempts >= job.maxAttempts {
            job.state = .failed
            job.leaseExpiresAt = nil
            job.failureReason = "the worker stopped renewing its lease on attempt \(job.attempts) of \(job.maxAttempts)"
            return .exhausted(job)
        }
        job.state = .running
        job.attempts += 1
        job.worker = worker
        job.leaseExpiresAt = now.addingTimeInterval(leaseSeconds)
        job.stage = nil
        job.progress = 0
        return .claimed(job)
    }

    /// - Returns: The renewed job, or nil when `worker` no longer holds it.
    func heartbeat(_ job: Job, worker: String, stage: String?, progress: Double, leaseSeconds: Double) -> Job? {
        guard Self.isHeld(job, by: worker) else { return nil }
        var job = job
        job.stage = stage
        job.progress = min(max(progress, 0), 1)
        job.leaseExpiresAt = now.addingTimeInterval(leaseSeconds)
        job.updatedAt = now
        return job
    }

    /// - Returns: The finished job, or nil when `worker` no longer holds it.
    func complete(_ job: Job, worker: String, result: String) -> Job? {
        guard Self.isHeld(job, by: worker) else { return nil }
        var job = job
        job.state = .done
        job.result = result
        job.progress = 1
        job.leaseExpiresAt = nil
        job.updatedAt = now
        return job
    }

    /// Queued again after `retryAfter` seconds while attempts are left, otherwise failed for good.
    ///
    /// - Returns: The job after the failed attempt, or nil when `worker` no longer holds it.
    func fail(_ job: Job, worker: String, reason: String, retryAfter: Double?) -> Job? {
        guard Self.isHeld(job, by: worker) else { return nil }
        var job = job
        job.failureReason = reason
        job.leaseExpiresAt = nil
        job.updatedAt = now
        if let retryAfter, job.attempts < job.maxAttempts {
            job.state = .queued
            job.worker = nil
            job.runAfter = now.addingTimeInterval(retryAfter)
        } else {
            job.state = .failed
        }
        return job
    }
}
