import MinutesCore
import Testing

/// What a whole-recording decode keeps: the segments voice activity heard speech under.
struct SpeechGateTests {
    private static func segment(_ start: Double, _ end: Double, _ text: String) -> SegmentDraft {
        SegmentDraft(
            start: start,
            end: end,
            cluster: nil,
            text: text,
            words: [Word(text: text, start: start, end: end, confidence: 1)]
        )
    }

    @Test func segmentsOutsideSpeechAreDroppedAndEndsStopWithTheSpeech() {
        let gate = SpeechGate(padding: 0.5)
        let decoded = [
            Self.segment(0.1, 2.0, "Yeah, he's hilarious."),
            Self.segment(2.2, 6.4, "He's great."),
            Self.segment(15.0, 16.0, "Thank you."),
        ]
        let speech = [SpeechRegion(start: 0.6, end: 2.1), SpeechRegion(start: 2.4, end: 6.0)]

        let kept = gate.kept(decoded, speech: speech)

        #expect(kept.map(\.text) == ["Yeah, he's hilarious.", "He's great."])
        #expect(kept.last?.end == 6.0 && kept.last?.words.last?.end == 6.0)
        #expect(gate.kept(decoded, speech: []).isEmpty)
    }

    @Test func onlyRecordingsThatFitOneWindowAreDecodedWhole() {
        let windowing = SpeechWindowing()
        #expect(SpeechGate.decodesWhole(24, windowing: windowing))
        #expect(!SpeechGate.decodesWhole(windowing.maximumLength + 0.1, windowing: windowing))
    }
}
