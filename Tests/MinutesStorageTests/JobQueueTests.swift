import Foundation
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Synchronization
import Testing

/// What every ``JobQueue`` must do, on each engine, with time moved by hand.
@Suite(.hangGuard)
struct JobQueueTests {
    private let kind = "process_meeting"
    private let recording = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7) })

    /// A queued job, runnable now, created `order` seconds after the clock's start so that
    /// claims take jobs in a known order.
    private func job(_ order: Int, at clock: FixedWallClock, maxAttempts: Int = 3) -> Job {
        let created = clock.now().addingTimeInterval(Double(order) - 1_000)
        return Job(
            id: JobID(rawValue: "job_" + String(repeating: "0", count: 11) + String(order, radix: 16)),
            kind: kind,
            payload: #"{"order":\#(order)}"#,
            maxAttempts: maxAttempts,
            runAfter: created,
            createdAt: created,
            updatedAt: created
        )
    }

    @Test(arguments: StorageEngine.allCases)
    func aClaimedJobIsRunningForItsWorkerWithALease(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { database, backend in
            // Given two queued jobs, the older one with a recording
            let queue = backend.jobs
            let older = job(1, at: database.clock)
            try await queue.enqueue(older, attachment: recording)
            try await queue.enqueue(job(2, at: database.clock), attachment: nil)

            // When a worker that knows only another kind asks, then one that knows this kind
            let unknownKind = try await queue.claim(kinds: ["other"], worker: "w1", leaseSeconds: 30)
            let claimed = try #require(try await queue.claim(kinds: ["other", kind], worker: "w1", leaseSeconds: 30))

            // Then the older job is running for that worker, leased for 30 s, on its first attempt
            #expect(unknownKind == nil)
            #expect(claimed.id == older.id)
            #expect(claimed.state == .running)
            #expect(claimed.worker == "w1")
            #expect(claimed.attempts == 1)
            #expect(claimed.leaseExpiresAt == database.clock.now().addingTimeInterval(30))
            #expect(claimed.payload == older.payload)
            #expect(try await queue.job(older.id) == claimed)
            #expect(try await queue.attachment(of: older.id) == recording)
            #expect(try await queue.claim(kinds: [], worker: "w1", leaseSeconds: 30) == nil)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func concurrentClaimersNeverGetTheSameJob(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { database, backend in
            // Given 24 queued jobs and a second backend with connections of its own
            for order in 1...24 {
                try await backend.jobs.enqueue(job(order, at: database.clock), attachment: nil)
            }
            let queues = [backend.jobs, try await database.connect().jobs]

            // When six workers, three per connection, claim until nothing is left
            let claims = try await withThrowingTaskGroup(of: [JobID].self) { group in
                for worker in 0..<6 {
                    let queue = queues[worker % queues.count]
                    group.addTask {
                        var claimed: [JobID] = []
                        while let job = try await queue.claim(kinds: [kind], worker: "w\(worker)", leaseSeconds: 60) {
                            claimed.append(job.id)
                        }
                        return claimed
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            // Then every job was claimed exactly once
            let all = claims.flatMap { $0 }
            #expect(all.count == 24)
            #expect(Set(all).count == 24)
            #expect(try await backend.jobs.depth() == 0)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func aDeadWorkersJobIsClaimedAgainOnceItsLeaseRunsOut(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { database, backend in
            // Given a job claimed by a worker that then stops renewing its lease
            let queue = backend.jobs
            let queued = job(1, at: database.clock)
            try await queue.enqueue(queued, attachment: recording)
            _ = try await queue.claim(kinds: [kind], worker: "dead", leaseSeconds: 30)

            // When another worker asks before and after the lease runs out
            database.clock.advance(seconds: 29)
            let early = try await queue.claim(kinds: [kind], worker: "alive", leaseSeconds: 30)
            #expect(try await queue.depth() == 0)
            database.clock.advance(seconds: 1)
            #expect(try await queue.depth() == 1)
            let late = try await queue.claim(kinds: [kind], worker: "alive", leaseSeconds: 30)

            // Then it gets the job only afterwards, as a second attempt, with the recording still there
            #expect(early == nil)
            #expect(late?.id == queued.id)
            #expect(late?.worker == "alive")
            #expect(late?.attempts == 2)
            #expect(try await queue.attachment(of: queued.id) == recording)

            // and the stale worker can no longer report on it, while the new one finishes it
            #expect(
                try await queue.heartbeat(queued.id, worker: "dead", stage: "x", progress: 0.5, leaseSeconds: 30)
                    == false
            )
            #expect(try await queue.complete(queued.id, worker: "dead", result: "{}") == false)
            #expect(try await queue.fail(queued.id, worker: "dead", reason: "late", retryAfter: 1) == false)
            #expect(try await queue.complete(queued.id, worker: "alive", result: #"{"session":"ses_1"}"#))
            let done = try #require(try await queue.job(queued.id))
            #expect(done.state == .done)
            #expect(done.result == #"{"session":"ses_1"}"#)
            #expect(done.progress == 1)
            #expect(try await queue.attachment(of: queued.id) == nil)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func heartbeatsRecordProgressAndKeepTheLease(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { database, backend in
            // Given a claimed job
            let queue = backend.jobs
            let queued = job(1, at: database.clock)
            try await queue.enqueue(queued, attachment: nil)
            _ = try await queue.claim(kinds: [kind], worker: "w1", leaseSeconds: 30)

            // When its worker reports progress every 20 s for a minute
            for step in 1...3 {
                database.clock.advance(seconds: 20)
                let renewed = try await queue.heartbeat(
                    queued.id,
                    worker: "w1",
                    stage: "transcribe",
                    progress: Double(step) / 4,
                    leaseSeconds: 30
                )
                #expect(renewed)
            }

            // Then nobody else can claim it, and its stage and progress are readable
            #expect(try await queue.claim(kinds: [kind], worker: "w2", leaseSeconds: 30) == nil)
            let running = try #require(try await queue.job(queued.id))
            #expect(running.stage == "transcribe")
            #expect(running.progress == 0.75)
            #expect(running.leaseExpiresAt == database.clock.now().addingTimeInterval(30))
            #expect(running.updatedAt == database.clock.now())
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func aFailedAttemptIsRetriedAfterItsBackoffThenFailsForGood(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { database, backend in
            // Given a job allowed two attempts, with a recording
            let queue = backend.jobs
            let queued = job(1, at: database.clock, maxAttempts: 2)
            try await queue.enqueue(queued, attachment: recording)

            // When the first attempt fails with a 60 s backoff
            _ = try await queue.claim(kinds: [kind], worker: "w1", leaseSeconds: 30)
            #expect(try await queue.fail(queued.id, worker: "w1", reason: "model crashed", retryAfter: 60))

            // Then it waits, queued, for 60 s with its reason and recording kept
            let waiting = try #require(try await queue.job(queued.id))
            #expect(waiting.state == .queued)
            #expect(waiting.runAfter == database.clock.now().addingTimeInterval(60))
            #expect(waiting.failureReason == "model crashed")
            #expect(waiting.worker == nil)
            #expect(try await queue.depth() == 1)
            #expect(try await queue.claim(kinds: [kind], worker: "w2", leaseSeconds: 30) == nil)
            database.clock.advance(seconds: 60)
            let retry = try #require(try await queue.claim(kinds: [kind], worker: "w2", leaseSeconds: 30))
            #expect(retry.attempts == 2)
            #expect(try await queue.attachment(of: queued.id) == recording)

            // and when the last attempt fails too, it has failed for good and the recording is gone
            #expect(try await queue.fail(queued.id, worker: "w2", reason: "model crashed again", retryAfter: 60))
            let failed = try #require(try await queue.job(queued.id))
            #expect(failed.state == .failed)
            #expect(failed.failureReason == "model crashed again")
            #expect(try await queue.attachment(of: queued.id) == nil)
            database.clock.advance(seconds: 3_600)
            #expect(try await queue.claim(kinds: [kind], worker: "w3", leaseSeconds: 30) == nil)
            #expect(try await queue.depth() == 0)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func aFailureWithoutRetryIsFinalAtOnce(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { database, backend in
            let queue = backend.jobs
            let queued = job(1, at: database.clock)
            try await queue.enqueue(queued, attachment: recording)
            _ = try await queue.claim(kinds: [kind], worker: "w1", leaseSeconds: 30)

            #expect(try await queue.fail(queued.id, worker: "w1", reason: "not a WAV file", retryAfter: nil))

            let failed = try #require(try await queue.job(queued.id))
            #expect(failed.state == .failed)
            #expect(failed.attempts == 1)
            #expect(failed.failureReason == "not a WAV file")
            #expect(try await queue.attachment(of: queued.id) == nil)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func aWorkerThatDiesOnTheLastAttemptFailsTheJobInsteadOfLooping(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { database, backend in
            // Given a one-attempt job whose worker died, and a healthy job behind it
            let queue = backend.jobs
            let deadly = job(1, at: database.clock, maxAttempts: 1)
            let healthy = job(2, at: database.clock)
            try await queue.enqueue(deadly, attachment: recording)
            try await queue.enqueue(healthy, attachment: nil)
            _ = try await queue.claim(kinds: [kind], worker: "dead", leaseSeconds: 30)

            // When its lease runs out and another worker claims
            database.clock.advance(seconds: 31)
            let claimed = try await queue.claim(kinds: [kind], worker: "alive", leaseSeconds: 30)

            // Then it gets the healthy job; the deadly one failed for good without its recording
            #expect(claimed?.id == healthy.id)
            let failed = try #require(try await queue.job(deadly.id))
            #expect(failed.state == .failed)
            #expect(failed.attempts == 1)
            #expect(failed.failureReason?.contains("lease") == true)
            #expect(try await queue.attachment(of: deadly.id) == nil)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func depthCountsJobsWaitingToRun(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { database, backend in
            // Given five jobs: queued, running, running on an expired lease, done and failed
            let queue = backend.jobs
            for order in 1...5 {
                try await queue.enqueue(job(order, at: database.clock), attachment: nil)
            }
            let expiring = try #require(try await queue.claim(kinds: [kind], worker: "a", leaseSeconds: 10))
            let done = try #require(try await queue.claim(kinds: [kind], worker: "b", leaseSeconds: 100))
            let failed = try #require(try await queue.claim(kinds: [kind], worker: "c", leaseSeconds: 100))
            _ = try #require(try await queue.claim(kinds: [kind], worker: "d", leaseSeconds: 100))
            #expect(try await queue.complete(done.id, worker: "b", result: "{}"))
            #expect(try await queue.fail(failed.id, worker: "c", reason: "bad input", retryAfter: nil))
            #expect(try await queue.depth() == 1)

            // When the short lease runs out
            database.clock.advance(seconds: 10)

            // Then the queued job and the abandoned one wait to run
            #expect(try await queue.depth() == 2)
            #expect(try await queue.claim(kinds: [kind], worker: "e", leaseSeconds: 10)?.id == expiring.id)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func deletingAJobRemovesItsRecording(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { database, backend in
            let queue = backend.jobs
            let queued = job(1, at: database.clock)
            try await queue.enqueue(queued, attachment: recording)

            #expect(try await queue.deleteJob(queued.id))

            #expect(try await queue.job(queued.id) == nil)
            #expect(try await queue.attachment(of: queued.id) == nil)
            #expect(try await queue.deleteJob(queued.id) == false)
            #expect(try await queue.depth() == 0)
        }
    }
}
