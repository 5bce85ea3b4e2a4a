import Foundation
import Logging
import MinutesAudio
import MinutesCore
import MinutesPipeline
import MinutesStorage
import ServiceLifecycle
import Synchronization

/// Runs `process_meeting` jobs from the durable queue: `MINUTES_WORKERS` workers in this
/// process, each claiming one job at a time.
///
/// A worker renews its job's lease on every stage change and every `heartbeatInterval`, with
/// the stage and progress the status route shows. A job that fails for a reason retrying cannot
/// fix (the upload is not audio, too short) fails for good with that reason; any other failure
/// is retried with exponential backoff until its attempts run out. Processing is idempotent per
/// job: the session id is derived from the job id, and what an interrupted attempt stored is
/// deleted before the next attempt writes it again.
///
/// On graceful shutdown workers stop claiming and the running jobs finish; a job cut off by
/// the shutdown timeout simply stops renewing its lease and runs again elsewhere or after the
/// restart.
public struct MeetingJobWorker: Service {
    public struct Configuration: Sendable {
        public var workers: Int
        /// How long a claim lasts without a heartbeat.
        public var leaseSeconds: Double
        public var heartbeatInterval: Duration
        /// How long an idle worker waits before asking the queue again.
        public var pollInterval: Duration
        /// The first retry's delay; each further retry waits twice as long.
        public var retryBaseSeconds: Double

        public init(
            workers: Int,
            leaseSeconds: Double = 60,
            heartbeatInterval: Duration = .seconds(10),
            pollInterval: Duration = .seconds(1),
            retryBaseSeconds: Double = 10
        ) {
            self.workers = workers
            self.leaseSeconds = leaseSeconds
            self.heartbeatInterval = heartbeatInterval
            self.pollInterval = pollInterval
            self.retryBaseSeconds = retryBaseSeconds
        }
    }

    /// The queue no longer lists this worker as the job's holder.
    struct LeaseLost: Error {}

    let dependencies: ServerDependencies
    let configuration: Configuration
    /// Distinguishes this process's workers from those of other processes on the same queue.
    let processName: String

    public init(dependencies: ServerDependencies, configuration: Configuration) {
        self.dependencies = dependencies
        self.configuration = configuration
        processName = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    public func run() async throws {
        await withDiscardingTaskGroup { group in
            for index in 0..<configuration.workers {
                group.addTask { await work(as: "\(processName)-w\(index + 1)") }
            }
        }
    }

    private func work(as worker: String) async {
        var logger = dependencies.logger
        logger[metadataKey: "worker"] = .string(worker)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                if let job = try await dependencies.storage.jobs.claim(
                    kinds: [MeetingJob.kind, RefineJob.kind],
                    worker: worker,
                    leaseSeconds: configuration.leaseSeconds
                ) {
                    await execute(job, worker: worker, logger: logger)
                    continue
                }
            } catch {
                logger.error("claiming a job failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: configuration.pollInterval) }
        }
    }

    /// Runs one claimed job to completion, failure or a lost lease.
    func execute(_ job: Job, worker: String, logger: Logger) async {
        var logger = logger
        logger[metadataKey: "job.id"] = .string(job.id.rawValue)
        logger[metadataKey: "job.attempt"] = .stringConvertible(job.attempts)
        logger.info("meeting job started")
        let queue = dependencies.storage.jobs
        do {
            let result = try await processKeepingLease(job, worker: worker, logger: logger)
            if try await queue.complete(job.id, worker: worker, result: try MeetingJob.encode(result)) {
                logger.info("meeting job done", metadata: ["session.id": "\(result.sessionID)"])
            } else {
                logger.warning("meeting job finished after another worker took it over; result dropped")
            }
        } catch is LeaseLost {
            logger.warning("meeting job lease lost; another worker runs it")
        } catch is CancellationError {
            logger.notice("meeting job interrupted; it runs again once its lease runs out")
        } catch {
            await fail(job, worker: worker, error: error, logger: logger)
        }
    }

    private func fail(_ job: Job, worker: String, error: any Error, logger: Logger) async {
        let reason = (error as? MinutesError)?.message ?? "internal error (\(type(of: error)))"
        let permanent = (error as? MinutesError).map { [.invalidInput, .empty, .notFound].contains($0.code) } ?? false
        let retryAfter = permanent ? nil : configuration.retryBaseSeconds * pow(2, Double(max(0, job.attempts - 1)))
        logger.error(
            "meeting job failed",
            metadata: ["error": "\(error)", "retry_after_s": "\(retryAfter.map { "\($0)" } ?? "never")"]
        )
        do {
            _ = try await dependencies.storage.jobs.fail(job.id, worker: worker, reason: reason, retryAfter: retryAfter)
        } catch {
            logger.error("recording the failure failed; the lease will run out", metadata: ["error": "\(error)"])
        }
    }

    /// Processes the job while a heartbeat renews its lease, on each new stage and on a timer.
    /// - Throws: ``LeaseLost`` as soon as a heartbeat finds the job taken over.
    private func processKeepingLease(_ job: Job, worker: String, logger: Logger) async throws -> MeetingJob.Result {
        let (beats, beat) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let progress = JobProgress()
        let report: @Sendable (MeetingProcessor.Stage) -> Void = { stage in
            progress.enter(stage)
            beat.yield()
        }
        return try await withThrowingTaskGroup(of: MeetingJob.Result?.self) { group in
            group.addTask { try await process(job, logger: logger, progress: report) }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: configuration.heartbeatInterval)
                    beat.yield()
                }
                return nil
            }
            group.addTask {
                for await _ in beats {
                    let (stage, fraction) = progress.current
                    do {
                        guard
                            try await dependencies.storage.jobs.heartbeat(
                                job.id,
                                worker: worker,
                                stage: stage,
                                progress: fraction,
                                leaseSeconds: configuration.leaseSeconds
                            )
                        else { throw LeaseLost() }
                    } catch is LeaseLost {
                        throw LeaseLost()
                    } catch {
                        logger.warning("heartbeat failed; retrying on the next beat", metadata: ["error": "\(error)"])
                    }
                }
                return nil
            }
            defer {
                beat.finish()
                group.cancelAll()
            }
            while let finished = try await group.next() {
                if let result = finished { return result }
            }
            throw CancellationError()
        }
    }

    private func process(
        _ job: Job,
        logger: Logger,
        progress: @escaping @Sendable (MeetingProcessor.Stage) -> Void
    ) async throws -> MeetingJob.Result {
        if job.kind == RefineJob.kind { return try await refine(job, logger: logger, progress: progress) }
        let payload: MeetingJob.Payload
        do {
            payload = try MeetingJob.decode(MeetingJob.Payload.self, from: job.payload)
        } catch {
            throw MinutesError(.invalidInput, "the job's payload is not a meeting description", cause: error)
        }
        guard let audio = try await dependencies.storage.jobs.attachment(of: job.id) else {
            throw MinutesError(.notFound, "the recording of meeting \(job.id) is gone")
        }
        let samples = try await BlockingWork.run { try WAVData.samples(from: audio) }
        let sessionID = MeetingJob.sessionID(of: job.id)
        if try await dependencies.orchestrator.deleteSession(sessionID) {
            logger.notice("removed what an interrupted attempt stored", metadata: ["session.id": "\(sessionID)"])
        }
        let pipeline = try await dependencies.engines.recordedMeetingPipeline(
            summarizer: dependencies.summarizer,
            logger: logger
        )
        let outcome = try await pipeline.run(
            RecordedMeeting(
                samples: samples,
                title: payload.title,
                language: payload.language,
                speakerCount: payload.speakerCount,
                sessionID: sessionID
            ),
            orchestrator: dependencies.orchestrator,
            progress: progress
        )
        return MeetingJob.Result(sessionID: outcome.session.id, timings: outcome.timings)
    }
}

extension MeetingJobWorker {
    /// Refines the job's session from the recording sent with it, or else from its recording.
    ///
    /// The recording is looked for in the server's recordings directory. A refine of the same
    /// session running here fails this attempt with a conflict, which is retried: refines of
    /// one session take turns.
    fileprivate func refine(
        _ job: Job,
        logger: Logger,
        progress: @escaping @Sendable (MeetingProcessor.Stage) -> Void
    ) async throws -> MeetingJob.Result {
        let payload: RefineJob.Payload
        do {
            payload = try MeetingJob.decode(RefineJob.Payload.self, from: job.payload)
        } catch {
            throw MinutesError(.invalidInput, "the job's payload does not name a session to refine", cause: error)
        }
        let samples: [Float]
        if let audio = try await dependencies.storage.jobs.attachment(of: job.id) {
            samples = try await BlockingWork.run { try WAVData.samples(from: audio) }
        } else {
            let audioPath = try SessionRecording.audioPath(
                of: payload.sessionID,
                in: dependencies.configuration.recordingsDirectory
            )
            samples = try await BlockingWork.run { try AudioFile.load16kMono(audioPath) }
        }
        let pipeline = try await dependencies.engines.recordedMeetingPipeline(
            summarizer: dependencies.summarizer,
            logger: logger
        )
        _ = try await pipeline.refine(
            payload.sessionID,
            samples: samples,
            speakerCount: payload.speakerCount,
            orchestrator: dependencies.orchestrator,
            progress: progress
        )
        return MeetingJob.Result(sessionID: payload.sessionID, timings: [])
    }
}

/// The stage a job is in and how far through the pipeline that is, written by the pipeline's
/// progress callback and read by the heartbeat.
private final class JobProgress: Sendable {
    private let state = Mutex<(stage: String?, fraction: Double)>((nil, 0))

    var current: (stage: String?, fraction: Double) { state.withLock { $0 } }

    func enter(_ stage: MeetingProcessor.Stage) {
        let stages = MeetingProcessor.Stage.allCases
        let fraction = Double(stages.firstIndex(of: stage) ?? 0) / Double(stages.count)
        state.withLock { $0 = (stage.rawValue, fraction) }
    }
}
