import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinutesAudio
import MinutesCore
import MinutesPipeline
import MinutesSpeech
import MinutesTestSupport
import Testing

@testable import MinutesServer

/// `POST /sessions/{id}/refine`: a job like a meeting's, refining from the recording sent or
/// the one on the server, keeping a forgotten speaker's redaction.
@Suite(.hangGuard)
struct RefineRouteTests {
    /// The demo's first two turns, in two of Flite's voices.
    private static func meetingAudio() async throws -> Data {
        let script = Array(SyntheticMeeting.demoScript.prefix(2))
        return try WAVData.encode(try await SyntheticMeeting.make(script, synthesizer: LocalSynthesizer()).samples)
    }

    @Test func aProcessedMeetingIsRefinedFromTheRecordingSentAndAForgottenVoiceStaysRedacted() async throws {
        let harness = try ServerHarness()
        let audio = try await Self.meetingAudio()
        let orchestrator = harness.dependencies.orchestrator
        try await harness.test(services: [harness.worker()]) { client in
            // Given a processed meeting whose second voice was forgotten
            let queued = try await client.send(
                .post,
                "/api/meetings/process",
                json: ["content": audio.base64EncodedString(), "title": "Launch review", "speakers": 2]
            )
            let meeting = try #require(queued.json["meeting_id"] as? String)
            _ = try await client.waitForJob(meeting)
            let results = try await client.send(.get, "/api/meetings/\(meeting)/results").json
            let session = try #require(results["session_id"] as? String)
            let transcript = try #require(results["transcript"] as? [[String: Any]])
            let second = try #require(
                transcript.first { ($0["text"] as? String)?.contains("installer") == true }?["speaker_id"] as? String
            )
            let forgot = try await client.send(
                .post,
                "/sessions/\(session)/speakers/forget",
                json: ["speaker_id": second]
            )
            #expect(forgot.status == .ok, "\(forgot.text)")

            // When it is refined without its recording, the server has none to use
            let nothing = try await client.send(.post, "/sessions/\(session)/refine", json: [:])
            #expect(nothing.status == .notFound, "\(nothing.text)")

            // When it is refined with the recording sent
            let refine = try await client.send(
                .post,
                "/sessions/\(session)/refine",
                json: ["audio": audio.base64EncodedString(), "speakers": 2]
            )
            #expect(refine.status == .accepted, "\(refine.text)")
            let job = try #require(refine.json["meeting_id"] as? String)
            #expect(refine.headers[.location] == "/api/meetings/\(job)/status")
            let status = try await client.waitForJob(job)
            #expect(status["status"] as? String == "done", "\(status)")

            // Then the timeline is refined, the live version kept, the forgotten words redacted
            let id = SessionID(rawValue: session)
            let live = try await orchestrator.liveVersion(id)
            #expect(!live.segments.isEmpty)
            let view = try await client.send(.get, "/sessions/\(session)").text.lowercased()
            #expect(view.contains("release"), "\(view)")
            #expect(!view.contains("installer"), "\(view)")
        }
    }

    @Test func onlyAKnownFinishedSessionWithAudioIsRefined() async throws {
        let harness = try ServerHarness()
        let orchestrator = harness.dependencies.orchestrator
        try await harness.test { client in
            let unknown = try await client.send(.post, "/sessions/ses_000000000000/refine", json: [:])
            #expect(unknown.status == .notFound)

            let created = try await client.send(.post, "/sessions", json: ["title": "Still on"])
            let session = try #require(created.json["id"] as? String)
            let running = try await client.send(.post, "/sessions/\(session)/refine", json: [:])
            #expect(running.status == .conflict, "\(running.text)")

            try await orchestrator.endSession(SessionID(rawValue: session))
            let short = try await client.send(
                .post,
                "/sessions/\(session)/refine",
                json: ["audio": try TestAudio.silence(seconds: 0.2).base64EncodedString()]
            )
            #expect(short.status == .unprocessableContent, "\(short.text)")
            let notAudio = try await client.send(
                .post,
                "/sessions/\(session)/refine",
                json: ["audio": Data("hello".utf8).base64EncodedString()]
            )
            #expect(notAudio.status == .badRequest, "\(notAudio.text)")
        }
    }

    @Test func aSessionRecordedOnTheServersMachineIsRefinedFromItsRecording() async throws {
        // Given a finished session whose recording is in the server's recordings directory
        let directory = NSTemporaryDirectory() + "minutes-refine-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let harness = try ServerHarness(configuration: ServerConfiguration(recordingsDirectory: directory))
        let orchestrator = harness.dependencies.orchestrator
        let session = try await orchestrator.createSession(title: "Recorded here")
        let samples = try WAVData.samples(from: try await Self.meetingAudio())
        let recorder = try RecordingWriter(directory: directory, name: "recorded-here", sessionID: session.id.rawValue)
        try recorder.append(AudioChunk(samples: samples, startFrame: 0, sampleRate: 16_000))
        try recorder.close()
        try await orchestrator.endSession(session.id)

        try await harness.test(services: [harness.worker()]) { client in
            // When it is refined without sending audio
            let refine = try await client.send(.post, "/sessions/\(session.id)/refine", json: [:])
            #expect(refine.status == .accepted, "\(refine.text)")
            let status = try await client.waitForJob(try #require(refine.json["meeting_id"] as? String))

            // Then its recording was transcribed into its timeline
            #expect(status["status"] as? String == "done", "\(status)")
            let view = try await client.send(.get, "/sessions/\(session.id)").text.lowercased()
            #expect(view.contains("installer"), "\(view)")
        }
    }
}
