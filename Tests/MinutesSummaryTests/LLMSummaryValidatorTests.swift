import Foundation
import MinutesCore
import Testing

@testable import MinutesSummary

struct LLMSummaryValidatorTests {
    private let validator = LLMSummaryValidator(maxPoints: 2, source: "llm:m")

    @Test func aFencedAnswerWithProseAroundItIsRead() throws {
        let summary = try validator.summary(from: "Here you go:\n```json\n\(LLMFixtures.answer)\n```\nAnything else?")

        #expect(summary.bullets.count == 2)
        #expect(summary.source == "llm:m")
        #expect(summary.actionItems.first?.at == 136)
    }

    @Test func valuesAreCleanedCappedAndForgiven() throws {
        let summary = try validator.summary(
            from: """
                {"bullets": ["  one\\n point ", "", "One point", "two", "three"],
                 "highlight": null,
                 "action_items": [{"text": "Ship it", "owner": "unassigned", "due": "2026-02-30", "at": "bad"},
                                  {"text": "ship it"},
                                  {"text": "Call Dana", "owner": " Dana ", "due": "2026-03-09", "at": 61.5}],
                 "decisions": [], "topics": ["a", "b", "c", "d", "e", "f", "g"], "open_questions": [],
                 "extra": "ignored"}
                """
        )

        #expect(summary.bullets == ["one point", "two"])
        #expect(summary.highlight == nil)
        #expect(
            summary.actionItems == [
                ActionItem(text: "Ship it"),
                ActionItem(text: "Call Dana", owner: "Dana", due: "2026-03-09", at: 61.5),
            ]
        )
        #expect(summary.topics?.count == 6)
        #expect(summary.openQuestions == [])
    }

    @Test(arguments: [
        ("", "the answer was empty"),
        ("no braces here", "the answer contains no JSON object"),
        ("{\"bullets\": [1,}", "the answer is not valid JSON"),
        ("{\"bullets\": []}", "'action_items' is missing"),
        (
            "{\"bullets\": \"one\", \"action_items\": [], \"decisions\": [], \"topics\": [], \"open_questions\": []}",
            "'bullets' is a string, not an array"
        ),
        (
            "{\"bullets\": [3], \"action_items\": [], \"decisions\": [], \"topics\": [], \"open_questions\": []}",
            "'bullets[0]' is a number, not a string"
        ),
        (
            "{\"bullets\": [], \"action_items\": [{\"owner\": \"x\"}], \"decisions\": [], \"topics\": [], \"open_questions\": []}",
            "'action_items[0].text' is missing or not a string"
        ),
        (
            "{\"bullets\": [], \"highlight\": 4, \"action_items\": [], \"decisions\": [], \"topics\": [], \"open_questions\": []}",
            "'highlight' is a number, not a string or null"
        ),
    ])
    func structuralProblemsAreNamed(answer: String, problem: String) {
        #expect {
            try validator.summary(from: answer)
        } throws: { error in
            (error as? LLMSummaryValidator.Problem)?.description == problem
        }
    }
}

struct LLMChunkingTests {
    @Test func linesAreKeptWholeInOrderUnderTheBudget() {
        let lines = (0..<40).map { "[00:00:\($0 < 10 ? "0" : "")\($0)] Ana: sentence number \($0) of the meeting" }

        let chunks = LLMTranscriptChunker.chunks(of: lines, budget: 60)

        #expect(chunks.count > 1)
        #expect(chunks.flatMap { $0 } == lines)
        for chunk in chunks {
            #expect(chunk.reduce(0) { $0 + LLMPrompt.estimatedTokens($1) + 1 } <= 60)
        }
        #expect(LLMTranscriptChunker.chunks(of: lines, budget: 100_000).count == 1)
    }

    @Test func aLineLongerThanAChunkIsCutBetweenWordsAndKeepsItsLabel() {
        let words = (0..<300).map { "word\($0)" }
        let line = "[00:01:00] Bo: " + words.joined(separator: " ")

        let chunks = LLMTranscriptChunker.chunks(of: [line], budget: 100)
        let pieces = chunks.flatMap { $0 }

        #expect(pieces.count > 1)
        for piece in pieces {
            #expect(piece.hasPrefix("[00:01:00] Bo: "))
            #expect(LLMPrompt.estimatedTokens(piece) + 1 <= 100)
        }
        #expect(
            pieces.map { $0.dropFirst("[00:01:00] Bo: ".count) }.joined(separator: " ") == words.joined(separator: " ")
        )
    }

    @Test func partsTooLongToMergeByRequestAreMergedByRank() {
        let first = Summary(
            bullets: ["A1", "A2", "A3"],
            highlight: "First",
            actionItems: [ActionItem(text: "Do x")],
            decisions: ["D"],
            source: "llm:m",
            topics: ["alpha", "beta"],
            openQuestions: ["Q?"]
        )
        let second = Summary(
            bullets: ["B1", "a1"],
            highlight: "Second",
            actionItems: [ActionItem(text: "do X"), ActionItem(text: "Do y")],
            decisions: ["d", "E"],
            source: "llm:m",
            topics: ["beta", "gamma"],
            openQuestions: []
        )

        let merged = LLMSummaryMerger.merge([first, second], maxPoints: 4, source: "llm:m")

        #expect(merged.bullets == ["A1", "B1", "A2", "A3"])
        #expect(merged.highlight == "First")
        #expect(merged.actionItems.map(\.text) == ["Do x", "Do y"])
        #expect(merged.decisions == ["D", "E"])
        #expect(merged.topics == ["beta", "alpha", "gamma"])
        #expect(merged.openQuestions == ["Q?"])
    }

    @Test func theCacheKeyChangesWithEveryInputThatShapesTheAnswer() throws {
        let input = try LLMFixtures.standup()
        let lines = LLMPrompt.transcriptLines(of: input)
        let library = try LLMFixtures.personas()
        func key(model: String = "m", persona: String = "standup", maxPoints: Int = 5, lines: [String]) throws -> String
        {
            let prompt = LLMPrompt(persona: try library.persona(named: persona), maxPoints: maxPoints, input: input)
            return LLMCacheKey(model: model, prompt: prompt, lines: lines).digest
        }

        let base = try key(lines: lines)
        #expect(base.count == 64)
        #expect(try key(lines: lines) == base)
        #expect(try key(model: "n", lines: lines) != base)
        #expect(try key(persona: "planning", lines: lines) != base)
        #expect(try key(maxPoints: 3, lines: lines) != base)
        #expect(try key(lines: Array(lines.dropLast()) + [lines.last! + "!"]) != base)
        var edited = library.personas["standup"]!
        edited.version = "2"
        let prompt = LLMPrompt(persona: edited, maxPoints: 5, input: input)
        #expect(LLMCacheKey(model: "m", prompt: prompt, lines: lines).digest != base)
    }
}

struct LLMRetryPolicyTests {
    @Test func backOffDoublesWithJitterUpToTheCap() {
        let policy = LLMRetryPolicy(maxAttempts: 9, initialBackoff: .milliseconds(500), maxBackoff: .seconds(4))
        var generator = SystemRandomNumberGenerator()
        let ceilings: [Duration] = [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(4)]

        for (offset, ceiling) in ceilings.enumerated() {
            for _ in 0..<20 {
                let pause = policy.backoff(afterAttempt: offset + 1, using: &generator)
                #expect(pause >= ceiling / 2 && pause <= ceiling)
            }
        }
    }

    @Test(arguments: [
        ("7", Duration.seconds(7)), ("1.5", Duration.milliseconds(1_500)), ("0", Duration.zero),
        ("Wed, 04 Mar 2026 10:00:30 GMT", Duration.seconds(30)),
    ])
    func retryAfterIsReadAsSecondsOrADate(header: String, expected: Duration) {
        let now = Date(timeIntervalSince1970: 1_772_618_400)
        #expect(LLMClient.retryAfter(header, now: now) == expected)
    }

    @Test func anUnreadableRetryAfterIsIgnored() {
        #expect(LLMClient.retryAfter("soon") == nil)
        #expect(LLMClient.retryAfter(nil) == nil)
        #expect(LLMClient.retryAfter("-3") == nil)
    }
}
