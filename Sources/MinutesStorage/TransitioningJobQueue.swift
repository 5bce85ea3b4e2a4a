import MinutesCore

/// A job queue whose worker calls (heartbeat, complete, fail) are ``JobLifecycle``
/// transitions applied to one stored job.
///
/// Both databases differ only in how they read, lock and write that job, so each supplies
/// ``transition(_:_:)`` and the three calls are written once here.
protocol TransitioningJobQueue: JobQueue {
    var clock: any WallClock { get }

    /// Reads the job, applies `transition` and stores the result, atomically.
    /// - Returns: false when the job is gone or `transition` refused (answered nil).
    func transition(_ id: JobID, _ transition: @escaping @Sendable (Job) -> Job?) async throws -> Bool
}

extension TransitioningJobQueue {
    public func heartbeat(
        _ id: JobID,
        worker: String,
        stage: String?,
        progress: Double,
        leaseSeconds: Double
    ) async throws -> Bool {
        let lifecycle = JobLifecycle(now: clock.now())
        return try await transition(id) {
            lifecycle.heartbeat($0, worker: worker, stage: stage, progress: progress, leaseSeconds: leaseSeconds)
        }
    }

    public func complete(_ id: JobID, worker: String, result: String) async throws -> Bool {
        let lifecycle = JobLifecycle(now: clock.now())
        return try await transition(id) { lifecycle.complete($0, worker: worker, result: result) }
    }

    public func fail(_ id: JobID, worker: String, reason: String, retryAfter: Double?) async throws -> Bool {
        let lifecycle = JobLifecycle(now: clock.now())
        return try await transition(id) { lifecycle.fail($0, worker: worker, reason: reason, retryAfter: retryAfter) }
    }
}
