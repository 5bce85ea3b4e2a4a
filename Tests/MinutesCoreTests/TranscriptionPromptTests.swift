import MinutesCore
import Testing

struct TranscriptionPromptTests {
    @Test func peopleComeFirstThenTheVocabularyEachTermOnce() {
        let prompt = TranscriptionPrompt(
            people: ["Siobhan", " Niamh ", "siobhan"],
            vocabulary: ["Kubernetes", "", "Terraform", "kubernetes", "Niamh"],
            text: "Notes of the weekly call."
        )
        #expect(prompt.text == "Notes of the weekly call. With Siobhan, Niamh. Kubernetes, Terraform.")
        #expect(prompt.omittedTerms == 0)
    }

    @Test func nothingToSayIsNoPrompt() {
        #expect(TranscriptionPrompt().text == nil)
        #expect(TranscriptionPrompt(people: [" "], vocabulary: ["", "  "]).text == nil)
    }

    @Test func aHugeVocabularyIsCutToWhatWhisperReadsAndTheRestCounted() {
        let terms = (0..<1_000).map { "term\($0)" }
        let prompt = TranscriptionPrompt(people: ["Ana"], vocabulary: terms)
        let text = try! #require(prompt.text)
        #expect(text.count <= TranscriptionPrompt.maximumCharacters)
        #expect(text.hasPrefix("With Ana. term0, term1"))
        #expect(prompt.omittedTerms > 900 && prompt.omittedTerms < 1_000)
    }
}
