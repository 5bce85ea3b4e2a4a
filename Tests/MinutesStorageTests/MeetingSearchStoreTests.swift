import Foundation
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Testing

/// Search across meetings on each engine: the same hits in the same order, filters, the
/// minutes' items as such, and nothing of a forgotten speaker or a deleted meeting.
@Suite(.hangGuard)
struct MeetingSearchStoreTests {
    private let older = Session(
        id: SessionID(rawValue: "ses_00000000a001"),
        title: "Pricing review",
        startedAt: Date(timeIntervalSince1970: 1_764_000_000)
    )
    private let newer = Session(
        id: SessionID(rawValue: "ses_00000000a002"),
        title: "Launch sync",
        startedAt: Date(timeIntervalSince1970: 1_764_600_000)
    )

    private func speaker(_ session: Session, _ ordinal: Int, _ name: String?) -> Speaker {
        Speaker(
            id: SpeakerID(rawValue: "spk_\(session.id.rawValue.suffix(4))\(ordinal)"),
            session: session.id,
            cluster: "\(ordinal)",
            ordinal: ordinal,
            name: name
        )
    }

    /// Two meetings: Zoë and Bob talk pricing a week before Bob and Dan talk about the launch.
    private func populate(_ store: any SessionStore) async throws -> (zoe: Speaker, dan: Speaker) {
        let zoe = speaker(older, 1, "Zoë")
        let bob = speaker(older, 2, "Bob")
        try await store.insertSession(older)
        _ = try await store.appendSegments(
            [
                Segment(start: 1, end: 4, speaker: zoe.id, text: "The café pricing needs a second look."),
                Segment(start: 5, end: 8, speaker: bob.id, text: "Pricing for schools stays as it is."),
                Segment(start: 9, end: 12, speaker: zoe.id, text: "Let's decide on the discount by Friday."),
            ],
            to: older.id,
            adding: [zoe, bob]
        )
        try await store.saveSummary(
            Summary(
                actionItems: [ActionItem(text: "Draft the discount table", owner: "Zoë", at: 9)],
                decisions: ["Pricing for schools stays unchanged."]
            ),
            for: older.id
        )
        let bob2 = speaker(newer, 1, "Bob")
        let dan = speaker(newer, 2, nil)
        try await store.insertSession(newer)
        _ = try await store.appendSegments(
            [
                Segment(start: 2, end: 6, speaker: bob2.id, text: "The launch moves if pricing is not final."),
                Segment(start: 7, end: 9, speaker: dan.id, text: "My secret is the walrus password."),
            ],
            to: newer.id,
            adding: [bob2, dan]
        )
        return (zoe, dan)
    }

    private func search(
        _ backend: StorageBackend,
        _ text: String,
        configure: (inout SearchQuery) -> Void = { _ in }
    ) async throws -> [SearchHit] {
        var query = try SearchQuery(expression: try SearchExpression(parsing: text))
        configure(&query)
        return try await backend.store.search(query)
    }

    @Test(arguments: StorageEngine.allCases)
    func hitsAreListedNewestMeetingFirstWithDecisionsBeforeWords(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            _ = try await populate(backend.store)

            let hits = try await search(backend, "pricing")

            #expect(
                hits.map(\.text) == [
                    "The launch moves if pricing is not final.",
                    "Pricing for schools stays unchanged.",
                    "The café pricing needs a second look.",
                    "Pricing for schools stays as it is.",
                ]
            )
            #expect(hits.map(\.kind) == [.said, .decision, .said, .said])
            #expect(hits.map(\.speaker) == ["Bob", nil, "Zoë", "Bob"])
            #expect(hits.first?.title == "Launch sync")
            #expect(hits.first?.at == 2)
            #expect(hits.first?.startedAt == newer.startedAt)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func caseAccentsPrefixesPhrasesAlternativesAndExclusionsMatchAlike(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            _ = try await populate(backend.store)

            #expect(try await search(backend, "CAFE").map(\.text) == ["The café pricing needs a second look."])
            #expect(try await search(backend, "disc*").map(\.kind) == [.action, .said])
            #expect(try await search(backend, "\"schools stays\"").count == 2)
            #expect(try await search(backend, "\"stays schools\"").isEmpty)
            #expect(try await search(backend, "walrus OR café").count == 2)
            #expect(try await search(backend, "pricing -schools").count == 2)
            #expect(try await search(backend, "pricing NOT launch").count == 3)
            #expect(try await search(backend, "pricing AND launch").count == 1)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func filtersNarrowBySpeakerDateMeetingKindAndCount(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            _ = try await populate(backend.store)

            let zoe = try await search(backend, "pricing OR discount") { $0.speaker = "zoe" }
            #expect(zoe.map(\.kind) == [.action, .said, .said])
            #expect(Set(zoe.compactMap(\.speaker)) == ["Zoë"])
            #expect(try await search(backend, "pricing") { $0.speaker = "Nobody Here" }.isEmpty)
            let week = Date(timeIntervalSince1970: 1_764_300_000)
            #expect(try await search(backend, "pricing") { $0.since = week }.map(\.session) == [newer.id])
            #expect(try await search(backend, "pricing") { $0.until = week }.count == 3)
            #expect(try await search(backend, "pricing") { $0.session = older.id }.count == 3)
            #expect(try await search(backend, "pricing OR discount") { $0.kinds = [.decision, .action] }.count == 2)
            #expect(try await search(backend, "pricing") { $0.limit = 1 }.map(\.session) == [newer.id])
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func userTextIsNeverQuerySyntaxAndRawSyntaxErrorsAreClear(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            _ = try await populate(backend.store)

            for hostile in ["pricing) OR (walrus", "NEAR(pricing walrus)", "pricing:* | walrus", "'; DROP TABLE x; --"]
            {
                _ = try await search(backend, hostile)
            }
            #expect(try await search(backend, "walrus)").count == 1)
            await #expect(throws: MinutesError(.invalidInput, "")) {
                _ = try await search(backend, "walrus") { $0.raw = "((walrus" }
            }
            #expect(try await search(backend, "walrus") { $0.raw = engine == .sqlite ? "walr*" : "walr:*" }.count == 1)
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func forgettingAndDeletingTakeTheWordsOutOfTheIndex(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            let (zoe, dan) = try await populate(backend.store)

            try await backend.store.forgetSpeaker(dan.id, in: newer.id)
            #expect(try await search(backend, "walrus").isEmpty)
            #expect(try await search(backend, "redacted").isEmpty)
            _ = try await backend.store.appendSegments(
                [Segment(start: 10, end: 11, speaker: dan.id, text: "Another walrus remark.")],
                to: newer.id
            )
            #expect(try await search(backend, "walrus").isEmpty)

            try await backend.store.forgetSpeaker(zoe.id, in: older.id)
            #expect(try await search(backend, "café OR discount").isEmpty, "neither words nor the dropped summary")

            try await backend.store.deleteSession(older.id)
            #expect(try await search(backend, "schools").isEmpty)
            #expect(try await search(backend, "pricing").map(\.session) == [newer.id])
        }
    }

    @Test(arguments: StorageEngine.allCases)
    func aRefinedTimelineAndANewSummaryReplaceWhatTheIndexHeld(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            _ = try await populate(backend.store)
            let bob = speaker(newer, 1, "Bob")
            let replacement = TimelineReplacement(
                session: newer.id,
                speakers: [bob],
                segments: [Segment(start: 2, end: 6, speaker: bob.id, text: "The launch moves to April.")],
                live: ExportManifest(session: newer, speakers: [], segments: [], summary: nil)
            )
            #expect(try await backend.store.replaceTimeline(replacement))
            #expect(try await search(backend, "walrus").isEmpty)
            #expect(try await search(backend, "april").count == 1)

            try await backend.store.saveSummary(Summary(decisions: ["Launch in April."]), for: newer.id)
            try await backend.store.saveSummary(Summary(decisions: ["Launch in May."]), for: newer.id)
            #expect(try await search(backend, "launch") { $0.kinds = [.decision] }.map(\.text) == ["Launch in May."])
        }
    }

    /// A word in more lines than SQLite joins at once is searched meeting by meeting there.
    ///
    /// PostgreSQL always runs one statement. The same library must give both the same hits.
    @Test func aWordInThousandsOfLinesListsTheSameHitsOnBothEngines() async throws {
        var listings: [[[SearchHit]]] = []
        for engine in StorageEngine.allCases {
            listings.append(
                try await TestDatabase.run(on: engine) { _, backend in
                    let store = backend.store
                    let start = Date(timeIntervalSince1970: 1_765_000_000)
                    // Two meetings start together, so their order falls to their ids.
                    for (number, offset) in [(1, 0.0), (2, 3600.0), (3, 3600.0)] {
                        let session = Session(
                            id: SessionID(rawValue: "ses_00000000c00\(number)"),
                            title: "Standup \(number)",
                            startedAt: start.addingTimeInterval(offset)
                        )
                        try await store.insertSession(session)
                        let people = [speaker(session, 1, "Ada"), speaker(session, 2, number == 2 ? "Cy" : "Bob")]
                        for chunk in stride(from: 0, to: 1_800, by: 300) {
                            let lines = (chunk..<chunk + 300).map { index in
                                Segment(
                                    start: Double(index),
                                    end: Double(index) + 1,
                                    speaker: people[index % 2].id,
                                    text: "Alpha status line \(index)."
                                )
                            }
                            _ = try await store.appendSegments(lines, to: session.id, adding: chunk == 0 ? people : [])
                        }
                        try await store.saveSummary(
                            Summary(
                                actionItems: [ActionItem(text: "Alpha review", owner: "Bob", at: 5)],
                                decisions: ["Alpha ships."]
                            ),
                            for: session.id
                        )
                    }
                    return [
                        try await search(backend, "alpha") { $0.limit = 30 },
                        try await search(backend, "alpha") {
                            $0.limit = 500
                            $0.speaker = "bob"
                        },
                        try await search(backend, "alpha status") { $0.limit = 500 },
                        try await search(backend, "alpha -status") { $0.limit = 10 },
                    ]
                }
            )
        }
        #expect(listings[0] == listings[1])
        let first = try #require(listings.first?.first)
        #expect(first.prefix(2).map(\.kind) == [.decision, .action])
        #expect(first.prefix(3).allSatisfy { $0.session.rawValue == "ses_00000000c002" })
        #expect(first.count == 30)
        let bobs = try #require(listings.first?.dropFirst().first)
        #expect(bobs.count == 500 && Set(bobs.compactMap(\.speaker)) == ["Bob"])
        #expect(bobs.first { $0.kind == .said }?.session.rawValue == "ses_00000000c003", "Cy spoke in c002, not Bob")
    }
}
