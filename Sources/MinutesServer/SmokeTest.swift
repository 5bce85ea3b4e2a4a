import Foundation
import Hummingbird
import MinutesCore
import MinutesPipeline
import MinutesSpeech

/// The session flow end to end through the whole stitched API, in process.
///
/// Creates a session, appends speech, labels the speaker, summarizes, exports, stores the
/// export, fetches it back and deletes the session. `minutes smoke` runs it to check an installation in seconds.
public struct SmokeTest: Sendable {
    /// A step that did not answer as expected.
    public struct Failure: Error, CustomStringConvertible {
        public var step: String
        public var detail: String
        public var description: String { "\(step): \(detail)" }
    }

    let client: InProcessClient
    let apiKey: String?

    public init(client: InProcessClient, apiKey: String?) {
        self.client = client
        self.apiKey = apiKey
    }

    /// Runs every step, telling `report` about each as it passes.
    /// - Throws: ``Failure`` naming the first step that failed.
    public func run(report: @Sendable (String) -> Void) async throws {
        _ = try expect(.ok, "health", try await client.send(.get, "/health"))
        report("GET /health: ready")

        let created = try expect(.created, "create", try await send(.post, "/sessions", ["title": "Smoke test"]))
        let session = try field("id", of: created, step: "create")
        report("POST /sessions: \(session)")

        let audio = try await Self.speech()
        let appended = try expect(
            .ok,
            "append",
            try await send(.post, "/sessions/append", ["session_id": session, "content": audio.base64EncodedString()])
        )
        let segments = try appended.json()["segments"] as? [Any] ?? []
        let speakers = try appended.json()["new_speakers"] as? [[String: Any]] ?? []
        guard !segments.isEmpty, let speaker = speakers.first?["id"] as? String else {
            throw Failure(step: "append", detail: "the speech gave no segments or no speaker")
        }
        report("POST /sessions/append: \(segments.count) segments, \(speakers.count) new speakers")

        _ = try expect(
            .ok,
            "label",
            try await send(.post, "/sessions/\(session)/speakers", ["speaker_id": speaker, "name": "Ada"])
        )
        report("POST /sessions/\(session)/speakers: \(speaker) is Ada")

        _ = try expect(.ok, "summary", try await send(.get, "/sessions/\(session)/summary"))
        report("GET /sessions/\(session)/summary: built")

        let minutes = try expect(.ok, "export", try await send(.get, "/sessions/\(session)/export?format=md"))
        guard minutes.text.contains("Ada") else {
            throw Failure(step: "export", detail: "the Markdown minutes do not name the labelled speaker")
        }
        report("GET /sessions/\(session)/export?format=md: \(minutes.body.count) bytes")

        let stored = try expect(.created, "store", try await send(.post, "/sessions/\(session)/export/store"))
        let export = try field("id", of: stored, step: "store")
        report("POST /sessions/\(session)/export/store: \(export)")

        let fetched = try expect(.ok, "retrieve", try await send(.get, "/exports/\(export)"))
        guard fetched.text.contains(session) else {
            throw Failure(step: "retrieve", detail: "the stored manifest is not the session's")
        }
        report("GET /exports/\(export): \(fetched.body.count) bytes")

        _ = try expect(.noContent, "delete", try await send(.delete, "/sessions/\(session)"))
        _ = try expect(.notFound, "delete", try await send(.get, "/sessions/\(session)"))
        report("DELETE /sessions/\(session): gone")
    }

    private func send(
        _ method: HTTPRequest.Method,
        _ path: String,
        _ json: [String: Any]? = nil
    ) async throws -> InProcessClient.Reply {
        var headers: HTTPFields = [:]
        if let apiKey { headers[APIKeyMiddleware.headerName] = apiKey }
        guard let json else { return try await client.send(method, path, headers: headers) }
        return try await client.send(method, path, headers: headers, json: json)
    }

    private func expect(
        _ status: HTTPResponse.Status,
        _ step: String,
        _ reply: InProcessClient.Reply
    ) throws -> InProcessClient.Reply {
        guard reply.status == status else {
            throw Failure(step: step, detail: "expected \(status.code), got \(reply.status.code): \(reply.text)")
        }
        return reply
    }

    private func field(_ name: String, of reply: InProcessClient.Reply, step: String) throws -> String {
        guard let value = try reply.json()[name] as? String else {
            throw Failure(step: step, detail: "the answer has no '\(name)'")
        }
        return value
    }

    /// A few seconds of synthesized speech as WAV bytes.
    static func speech() async throws -> Data {
        let samples = try await EspeakSynthesizer().synthesize(
            "Good morning everyone. I will send the release notes to the team by Friday.",
            voice: "en-us"
        )
        let silence = [Float](repeating: 0, count: 8_000)
        return try WAVData.encode(silence + samples + silence)
    }
}
