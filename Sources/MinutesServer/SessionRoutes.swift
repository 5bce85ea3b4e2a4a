import Foundation
import Hummingbird
import MinutesCore
import MinutesPipeline
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
        registry.add(APIRoute(.post, "/sessions/append", body: .json, statuses: [200, 404, 503])) {
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
