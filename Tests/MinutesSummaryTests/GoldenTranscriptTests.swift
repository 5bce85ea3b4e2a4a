import Foundation
import MinutesCore
import MinutesSummary
import Testing

/// The offline summarizer on realistic meetings written for these tests, each with a hand-labelled
/// answer key of the action items a careful reader would list (`Transcripts/*.key`).
struct GoldenTranscriptTests {
    /// The bar the summarizer is held to on the three reference meetings.
    static let recallTarget = 0.8
    /// A regression floor for the other meetings, which were first scored as held-out tests.
    static let extraRecallFloor = 0.7

    @Test(arguments: Fixtures.meetings)
    func findsMostActionItemsWithTheirOwners(meeting: String) throws {
        let score = try Self.score(meeting)
        #expect(score.recall >= Self.recallTarget, "recall \(score.recall) on \(meeting)")
    }

    @Test(arguments: Fixtures.extraMeetings)
    func keepsFindingActionItemsOnOtherMeetings(meeting: String) throws {
        let score = try Self.score(meeting)
        #expect(score.recall >= Self.extraRecallFloor, "recall \(score.recall) on \(meeting)")
    }

    @Test(arguments: Fixtures.meetings + Fixtures.extraMeetings)
    func matchesTheGoldenSummary(meeting: String) throws {
        let summary = try Fixtures.summarizer.summarize(try Fixtures.input(meeting))
        let actual = try Fixtures.json(summary)
        let name = "\(meeting).summary.json"
        if GoldenFile.isUpdating {
            try GoldenFile.write(actual, to: name)
            return
        }
        let expected = try #require(GoldenFile.read(name), "no golden \(name); run with MINUTES_UPDATE_GOLDEN=1")
        #expect(actual == expected, "the summary of \(meeting) differs from \(name)")
    }

    @Test(arguments: Fixtures.meetings + Fixtures.extraMeetings)
    func isDeterministic(meeting: String) throws {
        let input = try Fixtures.input(meeting)
        let first = try Fixtures.json(try Fixtures.summarizer.summarize(input))
        let second = try Fixtures.json(try Fixtures.summarizer.summarize(input))
        #expect(first == second)
    }

    /// Scores the summarizer's action items against the meeting's key and prints the figures.
    private static func score(_ meeting: String) throws -> AnswerKey.Score {
        let input = try Fixtures.input(meeting)
        let started = ContinuousClock.now
        let summary = try Fixtures.summarizer.summarize(input)
        let elapsed = ContinuousClock.now - started
        let key = try AnswerKey(parsing: try Fixtures.text(meeting, extension: "key"))
        let score = key.score(summary.actionItems)
        let words = input.turns.reduce(0) { $0 + $1.text.split(separator: " ").count }
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        print(String(format: "[%@] %d words, summarized in %.0f ms", meeting, words, milliseconds))
        print("[\(meeting)] " + score.report)
        return score
    }
}
