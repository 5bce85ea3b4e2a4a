import Foundation
import Hummingbird
import Logging
import MinutesCore
import MinutesPipeline
import MinutesStorage

/// Recorded meetings: enroll a voice, upload a recording for background processing, follow
/// its job and read the results.
struct MeetingRoutes {
    let dependencies: ServerDependencies

    private var orchestrator: SessionOrchestrator { dependencies.orchestrator }

    func register(on registry: RouteRegistry) {
        registry.add(APIRoute(.post, "/api/speakers/enroll", body: .jsonOrMultipart, statuses: [201, 409, 422, 503])) {
            request,
            context in
            try await enroll(try await EnrollRequest(request, context: context))
        }
        registry.add(APIRoute(.post, "/api/meetings/process", body: .jsonOrMultipart, statuses: [202, 422])) {
            request,
            context in
            try await process(try await ProcessRequest(request, context: context))
        }
        registry.add(APIRoute(.get, "/api/meetings/{id}/status", statuses: [200, 404])) { _, context in
            MeetingStatus(try await job(try PathID.meeting(context)))
        }
        registry.add(APIRoute(.get, "/api/meetings/{id}/results", statuses: [200, 404, 409])) { _, context in
            try await results(of: try await job(try PathID.meeting(context)))
        }
    }

    private func enroll(_ body: EnrollRequest) async throws -> EditedResponse<EnrollResponse> {
        var recordings: [[Float]] = []
        for audio in body.recordings {
            recordings.append(try await AudioContent.samples(of: audio))
        }
        let enrollment = VoiceEnrollment(
            detector: try dependencies.engines.voiceActivity(),
            embedder: try await dependencies.engines.embedder()
        )
        let prints = try await enrollment.voicePrints(from: recordings)
        let profile = try await orchestrator.enroll(name: body.name, voicePrints: prints, replace: body.replace)
        return EditedResponse(
            status: .created,
            response: EnrollResponse(profileID: profile.id, name: profile.name, voicePrints: prints.count)
        )
    }

    /// Checks the recording, then queues it; the answer does not wait for any processing.
    private func process(_ body: ProcessRequest) async throws -> EditedResponse<MeetingStatus> {
        let samples = try await AudioContent.samples(of: body.audio)
        guard samples.count >= RecordedMeeting.minimumSamples else {
            throw MinutesError(
                .empty,
                "the recording holds \(Double(samples.count) / 16_000) s of audio; at least 0.5 s is needed"
            )
        }
        let now = dependencies.clock.now()
        let payload = MeetingJob.Payload(
            title: body.title ?? "Meeting",
            language: body.language ?? dependencies.engines.language,
            speakerCount: body.speakers
        )
        let job = Job(
            id: .random(),
            kind: MeetingJob.kind,
            payload: try MeetingJob.encode(payload),
            runAfter: now,
            createdAt: now,
            updatedAt: now
        )
        try await dependencies.storage.jobs.enqueue(job, attachment: body.audio)
        dependencies.logger.info(
            "meeting queued",
            metadata: ["job.id": "\(job.id)", "audio.duration_ms": "\(samples.count / 16)"]
        )
        return EditedResponse(
            status: .accepted,
            headers: [.location: "/api/meetings/\(job.id)/status"],
            response: MeetingStatus(job)
        )
    }

    private func job(_ id: JobID) async throws -> Job {
        guard let job = try await dependencies.storage.jobs.job(id),
            [MeetingJob.kind, RefineJob.kind].contains(job.kind)
        else {
            throw MinutesError(.notFound, "unknown meeting id '\(id)'")
        }
        return job
    }

    private func results(of job: Job) async throws -> MeetingResults {
        switch job.state {
        case .queued, .running:
            throw APIError(
                .conflict,
                code: "not_ready",
                message: "meeting \(job.id) is \(job.state.rawValue); see its status"
            )
        case .failed:
            throw APIError(
                .conflict,
                code: "meeting_failed",
                message: "meeting \(job.id) failed: \(job.failureReason ?? "no reason was recorded")"
            )
        case .done:
            let result = try MeetingJob.decode(MeetingJob.Result.self, from: job.result ?? "")
            let manifest = try await orchestrator.manifest(result.sessionID)
            return MeetingResults(meetingID: job.id, result: result, manifest: manifest)
        }
    }
}
