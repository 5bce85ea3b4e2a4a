import Foundation
import MinutesCore
import MinutesSummary
import Testing

struct OfflineSummarizerTests {
    @Test func refusesAnEmptySession() throws {
        let input = SummaryInput(turns: [], meetingDate: Fixtures.wednesday)
        let error = try #require(throws: MinutesError.self) { try Fixtures.summarizer.summarize(input) }
        #expect(error.code == .empty)
        #expect(error.message.hasPrefix("nothing to summarize: "))
    }

    @Test func refusesASessionWithOnlyRedactedOrBlankSegments() throws {
        let input = SummaryInput(
            turns: [.init(speaker: "Alice", text: Segment.redactedText), .init(speaker: "Bob", text: "   ")],
            meetingDate: Fixtures.wednesday
        )
        let error = try #require(throws: MinutesError.self) { try Fixtures.summarizer.summarize(input) }
        #expect(error.code == .empty)
        #expect(error.message.contains("empty or redacted"))
    }

    @Test func refusesANegativePointCount() throws {
        let input = try Fixtures.conversation(["Alice: Hello there, this is a meeting."])
        let error = try #require(throws: MinutesError.self) { try Fixtures.summarizer.summarize(input, maxPoints: -1) }
        #expect(error.code == .invalidInput)
    }

    @Test(arguments: [0, 1, 3, 5, 8])
    func listsAtMostMaxPointsKeyPoints(maxPoints: Int) throws {
        let summary = try Fixtures.summarizer.summarize(try Fixtures.input("planning"), maxPoints: maxPoints)
        #expect(summary.bullets.count <= maxPoints)
        if maxPoints > 0 { #expect(!summary.bullets.isEmpty) }
    }

    @Test func attributesKeyPointsToSpeakers() throws {
        let input = try Fixtures.input("sales")
        let speakers = Set(input.turns.map(\.speaker))
        let summary = try Fixtures.summarizer.summarize(input)
        #expect(summary.bullets.count == OfflineSummarizer.defaultMaxPoints)
        for bullet in summary.bullets {
            let name = String(bullet.prefix { $0 != ":" })
            #expect(speakers.contains(name), "\(bullet)")
        }
        #expect(summary.source == "offline")
        #expect(summary.highlight != nil)
        #expect(summary.topics?.isEmpty == false)
        #expect(summary.openQuestions != nil)
    }

    @Test func keyPointsDoNotRepeatEachOther() throws {
        let summary = try Fixtures.summarizer.summarize(try Fixtures.input("planning"), maxPoints: 8)
        #expect(Set(summary.bullets).count == summary.bullets.count)
    }

    @Test func findsDecisionsAndLeavesOutTalkAboutDeciding() throws {
        let summary = try Fixtures.summarizer.summarize(
            try Fixtures.conversation([
                "Alice: We decided to ship the beta on the 18th.",
                "Bob: We haven't decided who owns the rollout.",
                "Carol: Let's go with Postgres for the new service.",
                "Alice: What if we move the retro to Thursday?",
                "Dan: Let's move on.",
                "Bob: Agreed.",
                "Carol: I propose we freeze the API on Friday.",
                "Dan: Agreed.",
            ])
        )
        #expect(
            summary.decisions == [
                "We decided to ship the beta on the 18th.",
                "Let's go with Postgres for the new service.",
                "I propose we freeze the API on Friday.",
            ]
        )
    }

    @Test func findsQuestionsLeftOpen() throws {
        let summary = try Fixtures.summarizer.summarize(
            try Fixtures.conversation([
                "Alice: Who owns the billing service after the reorg?",
                "Bob: Honestly, I don't know.",
                "Carol: What time does the deploy window open on Friday?",
                "Dan: Nine in the morning, same as always.",
                "Alice: Can you hear me okay, everyone?",
                "Bob: Yes.",
            ])
        )
        #expect(summary.openQuestions == ["Alice: Who owns the billing service after the reorg?"])
    }

    @Test func readsSegmentsWithDisplayNamesAndSkipsRedactions() throws {
        let session = SessionID(rawValue: "ses_0123456789ab")
        let alice = SpeakerID(rawValue: "spk_aaaaaaaaaaaa")
        let bob = SpeakerID(rawValue: "spk_bbbbbbbbbbbb")
        let speakers = [
            Speaker(id: alice, session: session, cluster: "a", ordinal: 1, name: "Alice"),
            Speaker(id: bob, session: session, cluster: "b", ordinal: 2),
        ]
        let segments = [
            Segment(index: 1, start: 5, end: 6, speaker: bob, text: Segment.redactedText),
            Segment(index: 0, start: 1, end: 2, speaker: alice, text: "Hello."),
            Segment(index: 2, start: 7, end: 8, speaker: nil, text: "Who's there?"),
        ]
        let input = SummaryInput(segments: segments, speakers: speakers, meetingDate: Fixtures.wednesday)
        #expect(input.turns.map(\.speaker) == ["Alice", "Unknown"])
        #expect(input.participants == ["Alice", "Speaker 2"])
    }

    @Test func cutsUnpunctuatedSegmentsAtPauses() throws {
        let words = [
            Word(text: "okay", start: 0, end: 0.3, confidence: 1),
            Word(text: "thanks", start: 0.4, end: 0.8, confidence: 1),
            Word(text: "bob", start: 2.0, end: 2.2, confidence: 1),
            Word(text: "can", start: 2.3, end: 2.4, confidence: 1),
            Word(text: "you", start: 2.4, end: 2.5, confidence: 1),
            Word(text: "file", start: 2.5, end: 2.8, confidence: 1),
            Word(text: "it", start: 2.8, end: 3.0, confidence: 1),
        ]
        let segment = Segment(start: 0, end: 3, speaker: nil, text: "okay thanks bob can you file it", words: words)
        let input = SummaryInput(segments: [segment], speakers: [], meetingDate: Fixtures.wednesday)
        #expect(input.turns.map(\.text) == ["okay thanks", "bob can you file it"])
        #expect(input.turns.map(\.start) == [0, 2.0])
    }

    @Test func summarizesAThirtyMinuteMeetingQuickly() throws {
        // Reported, not asserted: performance is measured by benchmarks (STYLE §7).
        let input = try Fixtures.input("planning")
        let started = ContinuousClock.now
        _ = try Fixtures.summarizer.summarize(input)
        print("planning summarized in \(ContinuousClock.now - started)")
    }
}
