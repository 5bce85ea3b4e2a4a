import Testing

@testable import MinutesSummary

struct SentenceSplitterTests {
    @Test(arguments: [
        ("Hello there. How are you? Great!", ["Hello there.", "How are you?", "Great!"]),
        ("We use e.g. Postgres here. Dr. Smith agrees.", ["We use e.g. Postgres here.", "Dr. Smith agrees."]),
        ("Growth was 3.5 percent. Nice.", ["Growth was 3.5 percent.", "Nice."]),
        ("Version 4.2 ships Monday. OK?", ["Version 4.2 ships Monday.", "OK?"]),
        ("so anyway... let's go", ["so anyway...", "let's go"]),
        ("I said etc. and then left.", ["I said etc. and then left."]),
        ("no punctuation at all here", ["no punctuation at all here"]),
    ])
    func splitsSentences(_ text: String, _ expected: [String]) {
        #expect(SentenceSplitter.split(text).map { $0.joined(separator: " ") } == expected)
    }

    @Test func cutsLongUnpunctuatedRunsAtDiscourseMarkers() {
        let run =
            Array(repeating: "we talked about the migration plan and the rollout", count: 5).joined(separator: " ")
            + " okay so next thing is the budget for the quarter which is tight"
        let pieces = SentenceSplitter.split(run)
        #expect(pieces.count >= 2)
        #expect(pieces.allSatisfy { $0.count <= SentenceSplitter.longRun + 20 })
    }

    @Test func expandsContractionsAndSpeechToTextSpellings() {
        let norms = Tokenizer.tokens(of: ["I’ll", "send", "it,", "can't", "promise", "gonna", "ill"]).map(\.norm)
        #expect(norms == ["i", "will", "send", "it", "can", "not", "promise", "going", "to", "i", "will"])
    }
}
