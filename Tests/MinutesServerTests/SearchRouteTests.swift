import Foundation
import HTTPTypes
import HummingbirdTesting
import MinutesCore
import MinutesServer
import MinutesStorage
import MinutesTestSupport
import Testing

/// `GET /search` and forgetting through the routes while other work is in flight.
@Suite(.hangGuard)
struct SearchRouteTests {
    @Test func searchFindsWordsDecisionsAndActionItemsWithFiltersAndMarks() async throws {
        let harness = try ServerHarness()
        try await MeetingFixture.populate(harness.dependencies.orchestrator)
        try await harness.test { client in
            let all = try await client.send(.get, "/search?q=release")
            #expect(all.status == .ok, "\(all.text)")
            let hits = try #require(all.json["hits"] as? [[String: Any]])
            #expect(hits.map { $0["kind"] as? String } == ["action", "said", "said"])
            #expect(hits.first?["snippet"] as? String == "Write the «release» notes")
            #expect(hits.first?["speaker"] as? String == "Carol")
            #expect(hits.first?["title"] as? String == MeetingFixture.title)
            #expect(hits.first?["session"] as? String == MeetingFixture.sessionID.rawValue)

            let alice = try await client.send(.get, "/search?q=release%20OR%20monday&speaker=ALICE")
            #expect(
                (alice.json["hits"] as? [[String: Any]])?.compactMap { $0["speaker"] as? String } == ["Alice", "Alice"]
            )
            let decisions = try await client.send(.get, "/search?q=monday&kind=decision,action")
            #expect((decisions.json["hits"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["decision"])
            let nobody = try await client.send(.get, "/search?q=release&speaker=Nobody")
            #expect((nobody.json["hits"] as? [[String: Any]])?.isEmpty == true)
            let later = try await client.send(.get, "/search?q=release&since=2030-01-01")
            #expect((later.json["hits"] as? [[String: Any]])?.isEmpty == true)

            let long = String(repeating: "a", count: 10_000)
            for bad in [
                "/search", "/search?q=%22", "/search?q=AND", "/search?q=\(long)", "/search?q=x&since=yesterday",
                "/search?q=x&since=2026-12-02&until=2026-12-01", "/search?q=x&limit=0", "/search?q=x&limit=many",
                "/search?q=x&kind=topic", "/search?q=x&session_id=nope", "/search?q=((x&raw=true",
            ] {
                let response = try await client.send(.get, bad)
                #expect(response.status == .badRequest, "\(bad.prefix(60)): \(response.text)")
            }
        }
    }

    /// Forgets through the route race labels through the route, appends as the service makes
    /// them, and summaries through the route; afterwards no route shows the victim's words.
    @Test(arguments: ["sqlite"])
    func noRouteShowsAForgottenSpeakersWordsAfterWorkThatRacedTheForget(engine: String) async throws {
        let storage =
            engine == "sqlite"
            ? try StorageBackend.inMemory()
            : try await StorageConfiguration(
                environment: ["MINUTES_DATABASE_URL": try TestPostgresServer.freshDatabaseURL()]
            ).open()
        do {
            try await race(on: try ServerHarness(storage: storage))
        } catch {
            try? await storage.close()
            throw error
        }
        try await storage.close()
    }

    private func race(on harness: ServerHarness) async throws {
        let orchestrator = harness.dependencies.orchestrator
        var generator = SplitMix64(seed: 16)
        for round in 0..<6 {
            let session = try await orchestrator.createSession(title: "Race \(round)")
            let opened = try await orchestrator.append(
                [
                    SegmentDraft(start: 0, end: 1, cluster: "v", text: "secret\(round)start."),
                    SegmentDraft(start: 2, end: 3, cluster: "o", text: "public words."),
                ],
                to: session.id
            )
            let victim = try #require(opened.newSpeakers.first { $0.cluster == "v" }).id
            let id = session.id.rawValue
            let order = (0..<6).shuffled(using: &generator)
            try await harness.test { client in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for step in order {
                        group.addTask {
                            switch step {
                            case 0:
                                try await client.send(
                                    .post,
                                    "/sessions/\(id)/speakers/forget",
                                    json: ["speaker_id": victim.rawValue]
                                )
                            case 1, 2:
                                try await client.send(
                                    .post,
                                    "/sessions/\(id)/speakers",
                                    json: ["speaker_id": victim.rawValue, "name": "Eve \(step)"]
                                )
                            case 3:
                                try await client.send(.get, "/sessions/\(id)/summary")
                            default:
                                let start = Double(step * 2)
                                _ = try await orchestrator.append(
                                    [
                                        SegmentDraft(
                                            start: start,
                                            end: start + 1,
                                            cluster: "v",
                                            text: "secret\(round)n\(step)."
                                        )
                                    ],
                                    to: session.id
                                )
                            }
                        }
                    }
                    try await group.waitForAll()
                }

                let places = [
                    try await client.send(.get, "/sessions/\(id)").text,
                    try await client.send(.get, "/sessions/\(id)/export?format=txt").text,
                    try await client.send(.get, "/sessions/\(id)/export?format=json").text,
                    try await client.send(.get, "/sessions/\(id)/summary").text,
                ]
                let found = try await client.send(.get, "/search?q=secret\(round)*").json["hits"] as? [[String: Any]]
                #expect(found?.isEmpty == true, "round \(round): the index still finds \(found ?? [])")
                let leaked = places.filter { $0.contains("secret\(round)") }
                #expect(leaked.isEmpty, "round \(round), order \(order): \(leaked)")
                #expect(places[1].contains("public words"))
                let renamed = try await client.send(
                    .post,
                    "/sessions/\(id)/speakers",
                    json: ["speaker_id": victim.rawValue, "name": "Eve"]
                )
                #expect(renamed.status == .conflict, "\(renamed.text)")
            }
        }
    }
}
