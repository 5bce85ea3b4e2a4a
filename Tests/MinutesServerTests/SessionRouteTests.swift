import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MinutesCore
import MinutesServer
import MinutesTestSupport
import Testing

/// The session flow with the real engines: create, append speech, label, forget, summarize,
/// export, store, list, fetch, sweep, delete.
@Suite(.hangGuard)
struct SessionRouteTests {
    @Test func aSessionGoesFromSpeechToStoredMinutesAndIsDeleted() async throws {
        let harness = try ServerHarness()
        let speech = try await TestAudio.speech("I will send the release notes to the whole team by Friday.")
        try await harness.test { client in
            let created = try await client.send(.post, "/sessions", json: ["title": "Planning", "persona": "planning"])
            #expect(created.status == .created)
            let session = try #require(created.json["id"] as? String)
            #expect(created.headers[.location] == "/sessions/\(session)")

            let appended = try await client.send(
                .post,
                "/sessions/append",
                json: ["session_id": session, "content": speech.base64EncodedString()]
            )
            #expect(appended.status == .ok, "\(appended.text)")
            let segments = try #require(appended.json["segments"] as? [[String: Any]])
            let text = segments.compactMap { $0["text"] as? String }.joined(separator: " ").lowercased()
            #expect(text.contains("release notes"))
            let speakers = try #require(appended.json["new_speakers"] as? [[String: Any]])
            let speaker = try #require(speakers.first?["id"] as? String)
            #expect(speakers.first?["label"] as? String == "Speaker 1")

            let labelled = try await client.send(
                .post,
                "/sessions/\(session)/speakers",
                json: ["speaker_id": speaker, "name": "Ada"]
            )
            #expect(labelled.status == .ok && labelled.json["name"] as? String == "Ada")

            let summary = try await client.send(.get, "/sessions/\(session)/summary")
            #expect(summary.status == .ok)
            let items = try #require(summary.json["action_items"] as? [[String: Any]])
            #expect(items.contains { $0["owner"] as? String == "Ada" })

            let viewed = try await client.send(.get, "/sessions/\(session)")
            #expect((viewed.json["session"] as? [String: Any])?["title"] as? String == "Planning")
            #expect((viewed.json["summary"] as? [String: Any]) != nil)

            for format in ExportFormat.allCases {
                let export = try await client.send(.get, "/sessions/\(session)/export?format=\(format.rawValue)")
                #expect(export.status == .ok, "\(format)")
            }
            let markdown = try await client.send(.get, "/sessions/\(session)/export")
            #expect(markdown.headers[.contentType]?.hasPrefix("text/markdown") == true)
            #expect(markdown.text.contains("Ada"))
            let badFormat = try await client.send(.get, "/sessions/\(session)/export?format=docx")
            #expect(badFormat.status == .badRequest)

            let stored = try await client.send(.post, "/sessions/\(session)/export/store")
            #expect(stored.status == .created)
            let export = try #require(stored.json["id"] as? String)
            let listed = try await client.send(.get, "/exports?session_id=\(session)")
            #expect((listed.json["exports"] as? [[String: Any]])?.first?["id"] as? String == export)
            let fetched = try await client.send(.get, "/exports/\(export)")
            #expect(fetched.status == .ok && fetched.text.contains(session))

            let forgotten = try await client.send(
                .post,
                "/sessions/\(session)/speakers/forget",
                json: ["speaker_id": speaker]
            )
            #expect(forgotten.json["forgotten"] as? Bool == true)
            let redacted = try await client.send(.get, "/exports/\(export)")
            #expect(!redacted.text.lowercased().contains("release notes"))
            let renamed = try await client.send(
                .post,
                "/sessions/\(session)/speakers",
                json: ["speaker_id": speaker, "name": "Ada"]
            )
            #expect(renamed.status == .conflict)

            #expect(try await client.send(.delete, "/sessions/\(session)").status == .noContent)
            #expect(try await client.send(.delete, "/sessions/\(session)").status == .noContent)
            #expect(try await client.send(.get, "/sessions/\(session)").status == .notFound)
            #expect(try await client.send(.get, "/exports/\(export)").status == .notFound)
        }
        #expect(harness.archive.fileNames.isEmpty)
        let logged = harness.logs.all.joined().lowercased()
        #expect(!logged.contains("release notes"), "transcript text must never reach the logs")
    }

    /// Appends sent at once are placed one after another in the order they reach the session
    /// (each after the audio before it, none overlapping), and every word is kept and placed
    /// inside its own chunk.
    @Test func concurrentAppendsToOneSessionKeepTheirOrderAndLoseNothing() async throws {
        let harness = try ServerHarness()
        let session = try await harness.dependencies.orchestrator.createSession(title: "Order")
        let chunks = [
            try await TestAudio.speech("The first chunk talks about apples."),
            try TestAudio.silence(seconds: 1),
            try await TestAudio.speech("The third chunk talks about the budget."),
        ]
        let placed = try await harness.test { client in
            try await withThrowingTaskGroup(of: (start: Double, duration: Double, text: String).self) { group in
                for chunk in chunks {
                    group.addTask {
                        let response = try await client.send(
                            .post,
                            "/sessions/append",
                            json: ["session_id": session.id.rawValue, "content": chunk.base64EncodedString()]
                        )
                        let segments = response.json["segments"] as? [[String: Any]] ?? []
                        return (
                            response.json["chunk_start"] as? Double ?? -1,
                            response.json["chunk_duration"] as? Double ?? -1,
                            segments.compactMap { $0["text"] as? String }.joined(separator: " ").lowercased()
                        )
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }.sorted { $0.start < $1.start }
            }
        }
        #expect(placed.count == 3 && placed.first?.start == 0)
        for (earlier, later) in zip(placed, placed.dropFirst()) {
            #expect(abs(earlier.start + earlier.duration - later.start) < 0.001)
        }
        let timeline = try await harness.dependencies.orchestrator.timeline(session.id)
        #expect(timeline.map(\.start) == timeline.map(\.start).sorted())
        for marker in ["first", "third"] {
            let chunk = try #require(placed.first { $0.text.contains(marker) }, "\(placed)")
            let segment = try #require(timeline.first { $0.text.lowercased().contains(marker) })
            #expect(segment.start >= chunk.start && segment.end <= chunk.start + chunk.duration + 0.5, "\(marker)")
        }
    }

    @Test func anEndedSessionRefusesMoreSpeech() async throws {
        let harness = try ServerHarness()
        let session = try await harness.dependencies.orchestrator.createSession(title: "Over")
        try await harness.dependencies.orchestrator.endSession(session.id)
        // Silence: speech would move the shared recognizer's sampling state under the tests
        // that read what it heard.
        let speech = try TestAudio.silence(seconds: 1)
        let orchestrator = harness.dependencies.orchestrator
        try await harness.test { client in
            let refused = try await client.send(
                .post,
                "/sessions/append",
                json: ["session_id": session.id.rawValue, "content": speech.base64EncodedString()]
            )
            #expect(refused.status == .conflict, "\(refused.text)")
            #expect(try await orchestrator.timeline(session.id).isEmpty)
        }
    }

    @Test func sweepingRemovesExportsOlderThanTheGivenDays() async throws {
        let harness = try ServerHarness()
        let session = try await harness.dependencies.orchestrator.createSession(title: "Sweep")
        _ = try await harness.dependencies.orchestrator.storeExport(session.id)
        try await harness.test { client in
            let kept = try await client.send(.post, "/exports/retention/sweep")
            #expect(kept.status == .ok && (kept.json["exports"] as? [Any])?.isEmpty == true)
            let swept = try await client.send(.post, "/exports/retention/sweep", json: ["days": 0])
            #expect((swept.json["exports"] as? [Any])?.count == 1)
            for days in [-1, 36_501] {
                let outOfRange = try await client.send(.post, "/exports/retention/sweep", json: ["days": days])
                #expect(outOfRange.status == .badRequest && outOfRange.errorCode == "invalid_value", "\(days)")
            }
        }
    }
}
