import MinutesCore
import Testing

struct ConcatenatedPermutationWERTests {
    @Test func wordsOnTheRightSpeakerScoreAsPlainWERAndMisattributedWordsCountTwice() throws {
        let reference = try STM.parse(
            """
            ;; a comment
            call 1 A 0.0 1.0 Can you test it tomorrow?
            call 1 B 1.2 2.0 <o,f0,male> Yes I will.
            """
        )
        #expect(reference.map(\.speaker) == ["A", "B"])
        #expect(reference[1].text == "Yes I will.")
        let spoken = ["A": "can you test it tomorrow", "B": "yes i will"]

        // Labels need not match: the best pairing is found
        let right = ConcatenatedPermutationWER.measure(
            reference: spoken,
            hypothesis: ["1": spoken["A"]!, "2": spoken["B"]!]
        )
        #expect(right.rate == 0)
        #expect(right.pairing == ["A": "1", "B": "2"])

        // "yes" printed under the first speaker: one deletion and one insertion
        let wrong = ConcatenatedPermutationWER.measure(
            reference: spoken,
            hypothesis: ["1": "can you test it tomorrow yes", "2": "i will"]
        )
        #expect(wrong.errors.deletions + wrong.errors.insertions == 2)
        #expect(wrong.errors.referenceWords == 8)

        // One speaker for two voices: the second voice's words are all missing
        let merged = ConcatenatedPermutationWER.measure(
            reference: spoken,
            hypothesis: ["1": "can you test it tomorrow yes i will"]
        )
        #expect(merged.errors.insertions + merged.errors.deletions == 6)
        #expect(merged.pairing["B"] == .some(nil))
    }

    @Test func aLineThatIsNotASegmentIsAClearError() {
        #expect(throws: MinutesError.self) { try STM.parse("call 1 A zero 1.0 words") }
    }
}
