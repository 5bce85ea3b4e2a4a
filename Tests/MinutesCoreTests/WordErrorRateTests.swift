import MinutesCore
import Testing

struct WordErrorRateTests {
    @Test(arguments: [
        ("the cat sat", "the cat sat", 0, 0, 0),
        ("the cat sat", "the bat sat", 1, 0, 0),
        ("the cat sat", "the sat", 0, 1, 0),
        ("the cat sat", "the cat sat down", 0, 0, 1),
        ("", "", 0, 0, 0),
        ("one two", "", 0, 2, 0),
    ])
    func countsSubstitutionsDeletionsAndInsertions(reference: String, hypothesis: String, s: Int, d: Int, i: Int) {
        let wer = WordErrorRate.measure(reference: reference, hypothesis: hypothesis)
        #expect(wer.substitutions == s && wer.deletions == d && wer.insertions == i)
    }

    @Test(arguments: [
        ("And so, my fellow Americans!", "and so my fellow americans"),
        ("It costs twenty five dollars", "it costs 25 dollars"),
        ("three hundred and five", "300 and 5"),
        ("three hundred five", "305"),
        ("Mr. Smith, um, agreed", "mister smith agreed"),
        ("It's 50% done", "it's 50 percent done"),
    ])
    func normalizationIgnoresCasePunctuationNumberSpellingAndFillers(text: String, normalized: String) {
        #expect(TranscriptNormalizer.words(text) == normalized.split(separator: " ").map(String.init))
    }

    @Test func ratesSumOverFilesByWords() {
        let one = WordErrorRate.measure(reference: "a b c d", hypothesis: "a b c x")
        let two = WordErrorRate.measure(reference: "e f", hypothesis: "e f")
        #expect((one + two).rate == 1.0 / 6.0)
    }

    @Test func percentilesUseNearestRank() {
        let values = Percentiles((1...100).map(Double.init))
        #expect(values.p50 == 50 && values.p95 == 95 && values.max == 100)
        #expect(Percentiles([]).p50 == 0)
        #expect(values.summary == "p50 50.000, p95 95.000, max 100.000 (n=100)")
    }
}
