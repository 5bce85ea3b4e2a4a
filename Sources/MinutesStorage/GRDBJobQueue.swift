import Foundation
import GRDB
import MinutesCore

/// The ``JobQueue`` of the embedded store: the `jobs` and `job_attachments` tables.
///
/// Every call that changes a job reads and writes it in one IMMEDIATE transaction, and SQLite
/// admits one writer at a time (across processes too), so two workers never claim the same
/// job. What each call does to the job is ``JobLifecycle``'s, shared with PostgreSQL.
public struct GRDBJobQueue: TransitioningJobQueue {
    private let writer: any DatabaseWriter
    let clock: any WallClock

    init(writer: any DatabaseWriter, clock: any WallClock) {
        self.writer = writer
        self.clock = clock
    }

    public func enqueue(_ job: Job, attachment: Data?) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO jobs (
                        id, kind, payload, state, stage, progress, attempts, max_attempts, run_after,
                        worker, lease_expires_at, failure_reason, result, created_at, updated_at
                    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    job.id.rawValue, job.kind, job.payload, job.state.rawValue, job.stage, job.progress,
                    job.attempts, job.maxAttempts, job.runAfter.millisecondsSince1970, job.worker,
                    job.leaseExpiresAt?.millisecondsSince1970, job.failureReason, job.result,
                    job.createdAt.millisecondsSince1970, job.updatedAt.millisecondsSince1970,
                ]
            )
            if let attachment {
                try db.execute(
                    sql: "INSERT INTO job_attachments (job_id, bytes) VALUES (?, ?)",
                    arguments: [job.id.rawValue, attachment]
                )
            }
        }
    }

    public func attachment(of id: JobID) async throws -> Data? {
        try await writer.read { db in
            try Data.fetchOne(db, sql: "SELECT bytes FROM job_attachments WHERE job_id = ?", arguments: [id.rawValue])
        }
    }

    public func claim(kinds: [String], worker: String, leaseSeconds: Double) async throws -> Job? {
        guard !kinds.isEmpty else { return nil }
        let lifecycle = JobLifecycle(now: clock.now())
        let (claimed, erasedAttachment) = try await writer.write { db -> (Job?, Bool) in
            var erasedAttachment = false
            while let candidate = try Self.oldestRunnable(db, kinds: kinds, lifecycle: lifecycle) {
                switch lifecycle.claim(candidate, worker: worker, leaseSeconds: leaseSeconds) {
                case .claimed(let job):
                    try Self.save(job, in: db)
                    return (job, erasedAttachment)
                case .exhausted(let job):
                    erasedAttachment = try Self.save(job, in: db) || erasedAttachment
                }
            }
            return (nil, erasedAttachment)
        }
        if erasedAttachment { try await writer.eraseFreedPages() }
        return claimed
    }

    public func job(_ id: JobID) async throws -> Job? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ?", arguments: [id.rawValue]).map(Self.job(from:))
        }
    }

    public func depth() async throws -> Int {
        let waiting = JobLifecycle(now: clock.now()).waitingCondition
        return try await writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs WHERE \(waiting)") ?? 0
        }
    }

    @discardableResult
    public func deleteJob(_ id: JobID) async throws -> Bool {
        let deleted = try await writer.write { db in
            try db.execute(sql: "DELETE FROM jobs WHERE id = ?", arguments: [id.rawValue])
            return db.changesCount > 0
        }
        if deleted { try await writer.eraseFreedPages() }
        return deleted
    }

    /// Reads the job, applies `transition` and saves the outcome, all in one transaction.
    ///
    /// - Returns: false when the job is gone or `transition` declined (the worker lost it).
    func transition(_ id: JobID, _ transition: @escaping @Sendable (Job) -> Job?) async throws -> Bool {
        let (changed, erasedAttachment) = try await writer.write { db -> (Bool, Bool) in
            guard
                let row = try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ?", arguments: [id.rawValue]),
                let job = transition(try Self.job(from: row))
            else { return (false, false) }
            return (true, try Self.save(job, in: db))
        }
        if erasedAttachment { try await writer.eraseFreedPages() }
        return changed
    }

    private static func oldestRunnable(_ db: Database, kinds: [String], lifecycle: JobLifecycle) throws -> Job? {
        let placeholders = Array(repeating: "?", count: kinds.count).joined(separator: ", ")
        return try Row.fetchOne(
            db,
            sql: """
                SELECT * FROM jobs
                WHERE kind IN (\(placeholders)) AND \(lifecycle.runnableCondition)
                ORDER BY created_at, id
                LIMIT 1
                """,
            arguments: StatementArguments(kinds)
        ).map(job(from:))
    }

    /// Writes the job's changing columns, and drops its attachment once it can no longer run.
    ///
    /// - Returns: whether an attachment was deleted (its pages must then be erased).
    @discardableResult
    private static func save(_ job: Job, in db: Database) throws -> Bool {
        try db.execute(
            sql: """
                UPDATE jobs SET state = ?, stage = ?, progress = ?, attempts = ?, run_after = ?, worker = ?,
                    lease_expires_at = ?, failure_reason = ?, result = ?, updated_at = ?
                WHERE id = ?
                """,
            arguments: [
                job.state.rawValue, job.stage, job.progress, job.attempts, job.runAfter.millisecondsSince1970,
                job.worker, job.leaseExpiresAt?.millisecondsSince1970, job.failureReason, job.result,
                job.updatedAt.millisecondsSince1970, job.id.rawValue,
            ]
        )
        guard !JobLifecycle.keepsAttachment(job) else { return false }
        try db.execute(sql: "DELETE FROM job_attachments WHERE job_id = ?", arguments: [job.id.rawValue])
        return db.changesCount > 0
    }

    private static func job(from row: Row) throws -> Job {
        let state: String = row["state"]
        guard let parsed = Job.State(rawValue: state) else {
            throw MinutesError(.storage, "job \(row["id"] as String) has the unknown state '\(state)'")
        }
        return Job(
            id: JobID(rawValue: row["id"]),
            kind: row["kind"],
            payload: row["payload"],
            state: parsed,
            stage: row["stage"],
            progress: row["progress"],
            attempts: row["attempts"],
            maxAttempts: row["max_attempts"],
            runAfter: Date(millisecondsSince1970: row["run_after"]),
            worker: row["worker"],
            leaseExpiresAt: (row["lease_expires_at"] as Int64?).map(Date.init(millisecondsSince1970:)),
            failureReason: row["failure_reason"],
            result: row["result"],
            createdAt: Date(millisecondsSince1970: row["created_at"]),
            updatedAt: Date(millisecondsSince1970: row["updated_at"])
        )
    }
}
