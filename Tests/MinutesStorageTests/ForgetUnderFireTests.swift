import Foundation
import Logging
import MinutesCore
import MinutesStorage
import MinutesTestSupport
import Testing

/// A forget racing appends, labels, summaries and refines on one session, in random order,
/// on each engine: afterwards no place where text lives may hold the forgotten speaker's words,
/// and nothing may name them again.
@Suite(.hangGuard)
struct ForgetUnderFireTests {
    private enum Operation {
        case append(Int), label, summarize, refine, forget
    }

    /// A summarizer that quotes every segment, so a summary written from the timeline before a
    /// forget would carry the forgotten words, and caches its answer as the LLM summarizer
    /// does; it yields first, to let a forget in between.
    private struct QuotingSummarizer: Summarizer {
        let cache: any SummaryCache
        let key: String

        func summarize(_ manifest: ExportManifest, persona: String, maxPoints: Int) async throws -> SummaryOutcome {
            await Task.yield()
            let summary = Summary(bullets: manifest.segments.map(\.text))
            try await cache.storeSummary(
                summary,
                forKey: key,
                label: SummaryCacheLabel(model: "quoting", persona: persona, promptVersion: "1"),
                session: manifest.session.id
            )
            return SummaryOutcome(summary: summary)
        }
    }

    private static func draft(_ cluster: String, _ start: Double, _ text: String) -> SegmentDraft {
        SegmentDraft(
            start: start,
            end: start + 1,
            cluster: cluster,
            text: text,
            words: [Word(text: text, start: start, end: start + 1, confidence: 1)]
        )
    }

    @Test(arguments: StorageEngine.allCases)
    func noWordOfAForgottenSpeakerSurvivesWorkThatRacedTheForget(engine: StorageEngine) async throws {
        try await TestDatabase.run(on: engine) { _, backend in
            let archive = InMemoryExportArchive()
            let orchestrator = SessionOrchestrator(
                store: backend.store,
                archive: archive,
                summaryCache: backend.summaryCache,
                logger: Logger(label: "minutes.test", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            var random = SplitMix64(seed: 2_026)
            for round in 0..<10 {
                // Given a session where the victim and another voice spoke, and a stored export
                let session = try await orchestrator.createSession(title: "Round \(round)")
                let first = try await orchestrator.append(
                    [Self.draft("v", 0, "secret\(round)start."), Self.draft("o", 2, "public words.")],
                    to: session.id
                )
                let victim = try #require(first.newSpeakers.first { $0.cluster == "v" }).id
                _ = try await orchestrator.storeExport(session.id)

                // When the forget runs at once with appends, labels and a summary while the
                // meeting goes on, or (every other round) with a refine, labels and a summary
                // once it has ended
                var operations: [Operation] = [.label, .label, .summarize]
                if round.isMultiple(of: 2) {
                    operations += (1...8).map { .append($0) }
                } else {
                    for index in 1...8 {
                        try await Self.run(
                            .append(index),
                            on: session.id,
                            victim: victim,
                            round: round,
                            orchestrator,
                            cache: backend.summaryCache
                        )
                    }
                    try await orchestrator.endSession(session.id)
                    operations.append(.refine)
                }
                operations.shuffle(using: &random)
                operations.insert(.forget, at: Int.random(in: 0...operations.count, using: &random))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for operation in operations {
                        group.addTask {
                            try await Self.run(
                                operation,
                                on: session.id,
                                victim: victim,
                                round: round,
                                orchestrator,
                                cache: backend.summaryCache
                            )
                        }
                    }
                    try await group.waitForAll()
                }

                // Then the victim's words are nowhere: timeline, words, summary, cache, stored
                // exports, the search index
                let manifest = try await orchestrator.manifest(session.id)
                var places = manifest.segments.map(\.text) + manifest.segments.flatMap(\.words).map(\.text)
                places += manifest.summary.map { $0.bullets } ?? []
                places += archive.fileNames.compactMap { archive.text(of: $0) }
                places += try await backend.summaryCache.cachedSummary(forKey: "round \(round)")?.bullets ?? []
                let searched = try SearchQuery(expression: try SearchExpression(parsing: "secret\(round)*"))
                let found = try await backend.store.search(searched)
                #expect(found.isEmpty, "round \(round): the search index still finds \(found.count) of their segments")
                let leaked = places.filter { $0.contains("secret\(round)") }
                #expect(leaked.isEmpty, "round \(round), order \(operations): \(leaked)")
                #expect(
                    places.contains { $0.contains("public") },
                    "round \(round): \(manifest.segments.map { "\($0.speaker?.rawValue ?? "-") \($0.start) \($0.text)" })"
                )
                // and they stay forgotten, nameless, and cannot be named again
                let speaker = try #require(try await orchestrator.speakers(session.id).first { $0.id == victim })
                #expect(speaker.isForgotten && speaker.name == nil, "round \(round): \(speaker)")
                await #expect(throws: MinutesError.self) {
                    try await orchestrator.labelSpeaker(victim, in: session.id, name: "Eve")
                }
            }
        }
    }

    private static func run(
        _ operation: Operation,
        on session: SessionID,
        victim: SpeakerID,
        round: Int,
        _ orchestrator: SessionOrchestrator,
        cache: any SummaryCache
    ) async throws {
        do {
            switch operation {
            case .append(let index):
                // Each says a sentence of a second, two seconds apart: further than the margin
                // refine keeps around a forgotten speaker's words, and no sentence to snap.
                let start = Double(index * 4)
                _ = try await orchestrator.append(
                    [
                        Self.draft("v", start, "secret\(round)n\(index)."),
                        Self.draft("o", start + 2, "public \(index)."),
                    ],
                    to: session
                )
            case .label:
                try await orchestrator.labelSpeaker(victim, in: session, name: "Eve")
            case .summarize:
                _ = try await orchestrator.summarize(
                    session,
                    with: QuotingSummarizer(cache: cache, key: "round \(round)")
                )
            case .refine:
                // A careful pass from the timeline as it stands: every segment again, in the clear.
                let timeline = try await orchestrator.timeline(session)
                let speakers = try await orchestrator.speakers(session)
                let drafts = timeline.map { segment in
                    var draft = Self.draft(
                        speakers.first { $0.id == segment.speaker }?.cluster ?? "?",
                        segment.start,
                        segment.text == Segment.redactedText ? "secret\(round)refined" : segment.text
                    )
                    draft.end = segment.end
                    return draft
                }
                await Task.yield()
                _ = try await orchestrator.applyRefinement(drafts, to: session)
            case .forget:
                try await orchestrator.forgetSpeaker(victim, in: session)
            }
        } catch let error as MinutesError where error.code == .conflict {
            // A label or summary that lost the race to the forget is refused: that is the point.
        }
    }
}
