import Foundation
import Hummingbird
import Logging
import MinutesAudio
import MinutesCore
import MinutesPipeline
import MinutesStorage
import MinutesSummary

/// The live session flow: create a session, append audio chunks, name and forget speakers,
/// read it back with its summary, delete it.
struct SessionRoutes {
    let dependencies: ServerDependencies

    private var orchestrator: SessionOrchestrator { dependencies.orchestrator }

    func register(on registry: RouteRegistry) {
        registry.add(APIRoute(.post, "/sessions", body: .optionalJSON, statuses: [201])) { request, context in
            try await create(try await request.decodeOptionalJSON(as: CreateRequest.self, context: context))
        }
        registry.add(APIRoute(.post, "/sessions/append", body: .json, statuses: [200, 404, 409, 503])) {
            request,
            context in
            try await append(try await request.decodeJSON(as: AppendRequest.self, context: context))
        }
        registry.add(APIRoute(.post, "/sessions/{id}/speakers", body: .json, statuses: [200, 404, 409])) {
            request,
            context in
            let body = try await request.decodeJSON(as: LabelRequest.self, context: context)
            let session = try PathID.session(context)
            let speaker = try await orchestrator.labelSpeaker(
                try PathID.speaker(body.speakerID, in: session),
                in: session,
                name: body.name
            )
            return JSONResponse(SpeakerView(speaker))
        }
        registry.add(APIRoute(.post, "/sessions/{id}/speakers/forget", body: .json, statuses: [200, 404])) {
            request,
            context in
            let body = try await request.decodeJSON(as: ForgetRequest.self, context: context)
            let session = try PathID.session(context)
            let speaker = try await orchestrator.forgetSpeaker(
                try PathID.speaker(body.speakerID, in: session),
                in: session
            )
            return JSONResponse(SpeakerView(speaker))
        }
        registry.add(APIRoute(.post, "/sessions/{id}/refine", body: .optionalJSON, statuses: [202, 404, 409, 422])) {
            request,
            context in
            try await refine(
                try PathID.session(context),
                try await request.decodeOptionalJSON(as: RefineRequest.self, context: context)
            )
        }
        registry.add(APIRoute(.get, "/sessions/{id}", statuses: [200, 404])) { _, context in
            try await view(of: try PathID.session(context))
        }
        registry.add(APIRoute(.get, "/sessions/{id}/summary", statuses: [200, 404, 422])) { _, context in
            let outcome = try await orchestrator.summarize(try PathID.session(context), with: dependencies.summarizer)
            return JSONResponse(outcome.summary)
        }
        registry.add(APIRoute(.delete, "/sessions/{id}", statuses: [204, 404])) { _, context in
            _ = try await dependencies.appender.delete(try PathID.session(context))
            return HTTPResponse.Status.noContent
        }
    }

    private func create(_ body: CreateRequest?) async throws -> EditedResponse<JSONResponse<Session>> {
        let persona = body?.persona ?? "general"
        _ = try dependencies.personas.persona(named: persona)
        let session = try await orchestrator.createSession(
            title: body?.title ?? "Meeting",
            language: body?.language ?? dependencies.engines.language,
            persona: persona
        )
        return EditedResponse(
            status: .created,
            headers: [.location: "/sessions/\(session.id)"],
            response: JSONResponse(session)
        )
    }

    /// Checks that the session can be refined (ended, with a recording sent or on the server),
    /// then queues the refine; the answer does not wait for it.
    private func refine(
        _ id: SessionID,
        _ body: RefineRequest?
    ) async throws -> EditedResponse<MeetingRoutes.MeetingStatus> {
        let session = try await orchestrator.session(id)
        guard session.endedAt != nil else {
            throw MinutesError(.conflict, "session \(id) is still being recorded; refine it once the meeting has ended")
        }
        if let speakers = body?.speakers, speakers < 1 {
            throw APIError.badRequest("invalid_speakers", "'speakers' must be 1 or more")
        }
        var attachment: Data?
        if let audio = body?.audio {
            let bytes = try AudioContent.bytes(fromBase64: audio, field: "audio")
            guard try await AudioContent.samples(of: bytes).count >= RecordedMeeting.minimumSamples else {
                throw MinutesError(.empty, "the recording is too short to refine (under 0.5 s)")
            }
            attachment = bytes
        } else {
            _ = try SessionRecording.audioPath(of: id, in: dependencies.configuration.recordingsDirectory)
        }
        let now = dependencies.clock.now()
        let job = Job(
            id: .random(),
            kind: RefineJob.kind,
            payload: try MeetingJob.encode(RefineJob.Payload(sessionID: id, speakerCount: body?.speakers)),
            runAfter: now,
            createdAt: now,
            updatedAt: now
        )
        try await dependencies.storage.jobs.enqueue(job, attachment: attachment)
        dependencies.logger.info("refine queued", metadata: ["job.id": "\(job.id)", "session.id": "\(id)"])
        return EditedResponse(
            status: .accepted,
            headers: [.location: "/api/meetings/\(job.id)/status"],
            response: MeetingRoutes.MeetingStatus(job)
        )
    }

    private func append(_ body: AppendRequest) async throws -> AppendResponse {
        let session = try PathID.session(body.sessionID)
        _ = try await orchestrator.session(session)
        let samples = try await AudioContent.samples(fromBase64: body.content)
        let outcome = try await dependencies.appender.append(samples, to: session)
        return AppendResponse(
            sessionID: session,
            chunkStart: outcome.chunkStart,
            chunkDuration: outcome.chunkDuration,
            segments: outcome.segments,
            newSpeakers: outcome.newSpeakers.map(SpeakerView.init)
        )
    }

    private func view(of id: SessionID) async throws -> SessionView {
        let manifest = try await orchestrator.manifest(id)
        return SessionView(
            session: manifest.session,
            speakers: manifest.speakers.sorted { $0.ordinal < $1.ordinal }.map(SpeakerView.init),
            segments: manifest.segments,
            summary: manifest.summary
        )
    }
}
