import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinutesCore
import MinutesPipeline
import MinutesServer
import MinutesTestSupport
import Testing

/// `/transcribe`, `/diarize`, `/summarize` and `/tts` with the real engines; nothing is stored.
@Suite(.hangGuard)
struct SingleShotRouteTests {
    /// The upload as the recorder made it: WAV, or an MP3 a phone made.
    @Test(arguments: ["wav", "mp3"])
    func transcribeHearsJFK(format: String) async throws {
        let harness = try ServerHarness()
        let audio: Data
        if format == "wav" {
            audio = try TestAudio.jfk
        } else {
            let path = try TestData.jfkEncoded(as: format)
            defer { try? FileManager.default.removeItem(atPath: path) }
            audio = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        try await harness.test { client in
            let response = try await client.send(
                .post,
                "/transcribe",
                json: ["content": audio.base64EncodedString(), "language": "en"]
            )
            #expect(response.status == .ok, "\(response.text)")
            let segments = try #require(response.json["segments"] as? [[String: Any]])
            let text = segments.compactMap { $0["text"] as? String }.joined(separator: " ").lowercased()
            #expect(text.contains("ask not what your country can do for you"))
            #expect((response.json["duration"] as? Double ?? 0) > 10)
        }
        #expect(try await harness.dependencies.orchestrator.sessions().isEmpty)
    }

    @Test func diarizeLabelsVoicesWithHashedIDs() async throws {
        let harness = try ServerHarness()
        let audio = try TestAudio.jfk
        try await harness.test { client in
            let response = try await client.send(.post, "/diarize", json: ["content": audio.base64EncodedString()])
            #expect(response.status == .ok, "\(response.text)")
            let turns = try #require(response.json["segments"] as? [[String: Any]])
            #expect(!turns.isEmpty)
            #expect(turns.allSatisfy { ($0["speaker"] as? String)?.hasPrefix("spk_") == true })
            let again = try await client.send(.post, "/diarize", json: ["content": audio.base64EncodedString()])
            let first = turns.first?["speaker"] as? String
            let second = (again.json["segments"] as? [[String: Any]])?.first?["speaker"] as? String
            #expect(first != second, "labels of two requests must not link the same voice")
            let badCount = try await client.send(
                .post,
                "/diarize",
                json: ["content": audio.base64EncodedString(), "speakers": 0]
            )
            #expect(badCount.status == .badRequest)
        }
    }

    @Test func summarizeFindsActionItemsWithOwners() async throws {
        let harness = try ServerHarness()
        try await harness.test { client in
            let response = try await client.send(
                .post,
                "/summarize",
                json: [
                    "transcript": "Alice: We ship on Monday.\nBob: I'll write the release notes by Friday.\n",
                    "max_points": 3,
                ]
            )
            #expect(response.status == .ok, "\(response.text)")
            let items = try #require(response.json["action_items"] as? [[String: Any]])
            #expect(items.contains { $0["owner"] as? String == "Bob" })
            #expect(response.json["source"] as? String == "offline")

            let empty = try await client.send(.post, "/summarize", json: ["transcript": "  \n"])
            #expect(empty.status == .unprocessableContent)
            let persona = try await client.send(
                .post,
                "/summarize",
                json: ["transcript": "Alice: hi", "persona": "astrologer"]
            )
            #expect(persona.status == .badRequest)
        }
    }

    @Test func ttsSpeaksIntoAWAVTheServiceCanReadBack() async throws {
        let harness = try ServerHarness()
        try await harness.test { client in
            let response = try await client.send(
                .post,
                "/tts",
                json: ["text": "Hello from Minutes.", "voice": "en-gb"]
            )
            #expect(response.status == .ok, "\(response.text)")
            let content = try #require(response.json["content"] as? String)
            let samples = try WAVData.samples(from: try #require(Data(base64Encoded: content)))
            #expect(samples.count > 8_000)
            #expect(response.json["sample_rate"] as? Int == 16_000)

            let unknown = try await client.send(.post, "/tts", json: ["text": "Hi", "voice": "no-such-voice"])
            #expect(unknown.status == .badRequest)
            let empty = try await client.send(.post, "/tts", json: ["text": ""])
            #expect(empty.status == .badRequest)
        }
    }

    @Test func healthReportsTheDatabaseModelsAndQueue() async throws {
        let harness = try ServerHarness()
        try await harness.test { client in
            let response = try await client.send(.get, "/health")
            #expect(response.status == .ok)
            #expect(response.json["status"] as? String == "ok")
            #expect((response.json["database"] as? [String: Any])?["engine"] as? String == "sqlite")
            #expect((response.json["queue"] as? [String: Any])?["depth"] as? Int == 0)
            let models = try #require(response.json["models"] as? [[String: Any]])
            #expect(models.count == 4 && models.allSatisfy { $0["present"] as? Bool == true })
            #expect((response.json["warnings"] as? [String]) == [])
        }
    }

    @Test func healthWarnsWhenTheServiceListensOnTheNetworkWithoutAKey() async throws {
        let harness = try ServerHarness(
            configuration: ServerConfiguration(host: "0.0.0.0", allowsUnauthenticated: true)
        )
        try await harness.test { client in
            let response = try await client.send(.get, "/health")
            #expect((response.json["warnings"] as? [String]) == [NetworkExposure.warning])
        }
    }
}
