import Foundation
import Hummingbird
import MinutesCore
import MinutesPipeline
import MinutesSpeech
import MinutesSummary

/// One request, one answer, nothing stored: `/transcribe`, `/diarize`, `/summarize`, `/tts`.
struct SingleShotRoutes {
    let dependencies: ServerDependencies

    func register(on registry: RouteRegistry) {
        registry.add(APIRoute(.post, "/transcribe", body: .json, statuses: [200, 503])) { request, context in
            try await transcribe(try await request.decodeJSON(as: TranscribeRequest.self, context: context))
        }
        registry.add(APIRoute(.post, "/diarize", body: .json, statuses: [200, 503])) { request, context in
            try await diarize(try await request.decodeJSON(as: DiarizeRequest.self, context: context))
        }
        registry.add(APIRoute(.post, "/summarize", body: .json, statuses: [200, 422])) { request, context in
            try await summarize(try await request.decodeJSON(as: SummarizeRequest.self, context: context))
        }
        registry.add(APIRoute(.post, "/tts", body: .json, statuses: [200, 503])) { request, context in
            try await speak(try await request.decodeJSON(as: SpeakRequest.self, context: context))
        }
    }

    private func transcribe(_ body: TranscribeRequest) async throws -> TranscribeResponse {
        let samples = try await AudioContent.samples(fromBase64: body.content)
        let language = body.language ?? dependencies.engines.language
        let transcriber = FileTranscriber(
            transcriber: try await dependencies.engines.transcriber(),
            detector: try dependencies.engines.voiceActivity()
        )
        let segments = try await transcriber.transcribe(
            samples: samples,
            options: TranscriptionOptions(language: language, beamSize: dependencies.engines.beamSize)
        )
        return TranscribeResponse(
            language: language,
            duration: Double(samples.count) / 16_000,
            segments: segments.map { .init(start: $0.start, end: $0.end, text: $0.text, words: $0.words) }
        )
    }

    /// Speakers are labelled with ids hashed from a random per-request session, so the same
    /// voice in two requests cannot be linked by its label.
    private func diarize(_ body: DiarizeRequest) async throws -> DiarizeResponse {
        let samples = try await AudioContent.samples(fromBase64: body.content)
        let turns = try await dependencies.engines.meetingDiarizer().diarize(samples, speakerCount: body.speakers)
        let salt = SessionID.random()
        let segments = turns.map {
            DiarizeResponse.Turn(
                start: $0.start,
                end: $0.end,
                speaker: SpeakerID.derived(session: salt, cluster: $0.speaker).rawValue
            )
        }
        return DiarizeResponse(
            duration: Double(samples.count) / 16_000,
            speakers: Set(segments.map(\.speaker)).count,
            segments: segments
        )
    }

    private func summarize(_ body: SummarizeRequest) async throws -> JSONResponse<Summary> {
        let input = try TranscriptParser().summaryInput(
            from: Data(body.transcript.utf8),
            fallbackDate: dependencies.clock.now()
        )
        let outcome = try await dependencies.summarizer.summarize(
            input,
            persona: body.persona ?? PersonaLibrary.defaultPersona,
            session: nil,
            maxPoints: body.maxPoints ?? OfflineSummarizer.defaultMaxPoints
        )
        return JSONResponse(outcome.summary)
    }

    private func speak(_ body: SpeakRequest) async throws -> SpeakResponse {
        let samples = try await dependencies.engines.synthesizer.synthesize(body.text, voice: body.voice ?? "en-us")
        let wav = try await BlockingWork.run { try WAVData.encode(samples) }
        return SpeakResponse(
            content: wav.base64EncodedString(),
            sampleRate: 16_000,
            duration: Double(samples.count) / 16_000
        )
    }
}
