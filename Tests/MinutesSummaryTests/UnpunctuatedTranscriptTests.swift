import Foundation
import MinutesCore
import MinutesSummary
import Testing

/// The fixture meetings as a speech-to-text engine without punctuation or casing would give them.
///
/// Text is lowercased and `.,?!;:` removed, so only segment boundaries remain to mark sentences.
struct UnpunctuatedTranscriptTests {
    static func flattened(_ input: SummaryInput) -> SummaryInput {
        var copy = input
        copy.turns = input.turns.map { turn in
            let text = turn.text.lowercased().filter { !".,?!;:\"".contains($0) }
            return SummaryInput.Turn(speaker: turn.speaker, text: text, start: turn.start)
        }
        return copy
    }

    @Test(arguments: Fixtures.meetings + Fixtures.extraMeetings)
    func stillFindsMostActionItems(meeting: String) throws {
        let summary = try Fixtures.summarizer.summarize(Self.flattened(try Fixtures.input(meeting)))
        let key = try AnswerKey(parsing: try Fixtures.text(meeting, extension: "key"))
        let score = key.score(summary.actionItems)
        print("[\(meeting), unpunctuated] " + score.report)
        #expect(score.recall >= 0.5, "recall \(score.recall) on unpunctuated \(meeting)")
    }
}
