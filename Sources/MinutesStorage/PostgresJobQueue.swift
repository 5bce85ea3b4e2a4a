import Foundation
import MinutesCore
import PostgresNIO

/// The ``JobQueue`` of the PostgreSQL store, shared by every `minutes serve` on every machine
/// pointed at the same database.
///
/// A claim locks the oldest runnable row with `SELECT … FOR UPDATE SKIP LOCKED` inside a
/// transaction: a second worker skips the row the first one is taking instead of waiting for
/// it or taking it too. Every other change locks its row with `FOR UPDATE`. What each call does
/// to the job is ``JobLifecycle``'s, shared with SQLite.
public struct PostgresJobQueue: TransitioningJobQueue {
    private let pool: PostgresPool
    let clock: any WallClock

    init(pool: PostgresPool, clock: any WallClock) {
        self.pool = pool
        self.clock = clock
    }

    public func enqueue(_ job: Job, attachment: Data?) async throws {
        try await pool.transaction { statements in
            try await statements.rows(
                """
                INSERT INTO jobs (
                    id, kind, payload, state, stage, progress, attempts, max_attempts, run_after,
                    worker, lease_expires_at, failure_reason, result, created_at, updated_at
                ) VALUES (
                    \(job.id.rawValue), \(job.kind), \(job.payload), \(job.state.rawValue), \(job.stage),
                    \(job.progress), \(job.attempts), \(job.maxAttempts), \(job.runAfter.millisecondsSince1970),
                    \(job.worker), \(job.leaseExpiresAt?.millisecondsSince1970), \(job.failureReason), \(job.result),
                    \(job.createdAt.millisecondsSince1970), \(job.updatedAt.millisecondsSince1970)
                )
                """
            )
            if let attachment {
                try await statements.rows(
                    "INSERT INTO job_attachments (job_id, bytes) VALUES (\(job.id.rawValue), \(attachment))"
                )
            }
        }
    }

    public func attachment(of id: JobID) async throws -> Data? {
        try await pool.rows("SELECT bytes FROM job_attachments WHERE job_id = \(id.rawValue)").first?
            .decode(Data.self)
    }

    public func claim(kinds: [String], worker: String, leaseSeconds: Double) async throws -> Job? {
        guard !kinds.isEmpty else { return nil }
        let lifecycle = JobLifecycle(now: clock.now())
        return try await pool.transaction { statements in
            while let row = try await statements.rows(
                """
                SELECT * FROM jobs
                WHERE kind = ANY(\(kinds)) AND \(unescaped: lifecycle.runnableCondition)
                ORDER BY created_at, id COLLATE "C"
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """
            ).first {
                switch lifecycle.claim(try Self.job(from: row), worker: worker, leaseSeconds: leaseSeconds) {
                case .claimed(let job):
                    try await Self.save(job, in: statements)
                    return job
                case .exhausted(let job):
                    try await Self.save(job, in: statements)
                }
            }
            return nil
        }
    }

    public func job(_ id: JobID) async throws -> Job? {
        try await pool.rows("SELECT * FROM jobs WHERE id = \(id.rawValue)").first.map(Self.job(from:))
    }

    public func depth() async throws -> Int {
        let waiting = JobLifecycle(now: clock.now()).waitingCondition
        let rows = try await pool.rows("SELECT COUNT(*) FROM jobs WHERE \(unescaped: waiting)")
        return try rows.first?.decode(Int.self) ?? 0
    }

    @discardableResult
    public func deleteJob(_ id: JobID) async throws -> Bool {
        try await !pool.rows("DELETE FROM jobs WHERE id = \(id.rawValue) RETURNING id").isEmpty
    }

    /// Locks the job's row, applies `transition` and saves the outcome, all in one transaction.
    ///
    /// - Returns: false when the job is gone or `transition` declined (the worker lost it).
    func transition(_ id: JobID, _ transition: @escaping @Sendable (Job) -> Job?) async throws -> Bool {
        try await pool.transaction { statements in
            guard
                let row = try await statements.rows("SELECT * FROM jobs WHERE id = \(id.rawValue) FOR UPDATE").first,
                let job = transition(try Self.job(from: row))
            else { return false }
            try await Self.save(job, in: statements)
            return true
        }
    }

    /// Writes the job's changing columns, and drops its attachment once it can no longer run.
    private static func save(_ job: Job, in statements: PostgresStatements) async throws {
        try await statements.rows(
            """
            UPDATE jobs SET state = \(job.state.rawValue), stage = \(job.stage), progress = \(job.progress),
                attempts = \(job.attempts), run_after = \(job.runAfter.millisecondsSince1970), worker = \(job.worker),
                lease_expires_at = \(job.leaseExpiresAt?.millisecondsSince1970),
                failure_reason = \(job.failureReason), result = \(job.result),
                updated_at = \(job.updatedAt.millisecondsSince1970)
            WHERE id = \(job.id.rawValue)
            """
        )
        if !JobLifecycle.keepsAttachment(job) {
            try await statements.rows("DELETE FROM job_attachments WHERE job_id = \(job.id.rawValue)")
        }
    }

    private static func job(from row: PostgresRow) throws -> Job {
        let row = row.makeRandomAccess()
        let state: String = try row.value("state")
        guard let parsed = Job.State(rawValue: state) else {
            throw MinutesError(.storage, "job \(try row.value("id", as: String.self)) has the unknown state '\(state)'")
        }
        return Job(
            id: JobID(rawValue: try row.value("id")),
            kind: try row.value("kind"),
            payload: try row.value("payload"),
            state: parsed,
            stage: try row.value("stage"),
            progress: try row.value("progress"),
            attempts: try row.value("attempts"),
            maxAttempts: try row.value("max_attempts"),
            runAfter: try row.date("run_after"),
            worker: try row.value("worker"),
            leaseExpiresAt: try row.optionalDate("lease_expires_at"),
            failureReason: try row.value("failure_reason"),
            result: try row.value("result"),
            createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at")
        )
    }
}
