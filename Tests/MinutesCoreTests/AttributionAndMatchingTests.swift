import Foundation
import MinutesCore
import Testing

struct AttributionAndMatchingTests {
    private let turns = [
        SpeakerTurn(speaker: "0", start: 0, end: 2.0),
        SpeakerTurn(speaker: "1", start: 2.0, end: 4.0),
    ]

    @Test func aSegmentSpanningTwoTurnsIsSplitAtTheWordWhereTheSpeakerChanges() {
        let words = [
            Word(text: "Can", start: 0.1, end: 0.4, confidence: 1),
            Word(text: "you?", start: 0.5, end: 1.8, confidence: 1),
            Word(text: "Sure,", start: 2.2, end: 2.5, confidence: 1),
            Word(text: "yes.", start: 2.6, end: 3.0, confidence: 1),
        ]
        let segment = SegmentDraft(start: 0.1, end: 3.0, cluster: nil, text: "Can you? Sure, yes.", words: words)

        let split = WordAttribution.attribute([segment], to: turns)

        #expect(split.map(\.text) == ["Can you?", "Sure, yes."])
        #expect(split.map(\.cluster) == ["0", "1"])
        #expect(split.map(\.start) == [0.1, 2.2])
    }

    /// Words timed as instants (attention alignment gives many) overlap every turn around them
    /// by zero seconds; the first such turn used to win, which was the long turn of a voice
    /// talking around a question, so the question went to the wrong person (trn00).
    @Test func aWordInsideTwoTurnsGoesToTheShorterOne() {
        let spanning = SpeakerTurn(speaker: "0", start: 0, end: 12)
        let question = SpeakerTurn(speaker: "1", start: 5, end: 7)
        let words = ["Is", "there", "more?"].enumerated().map { index, text in
            Word(text: text, start: 5.5 + Double(index) * 0.4, end: 5.5 + Double(index) * 0.4, confidence: 1)
        }
        let segment = SegmentDraft(start: 5.5, end: 6.3, cluster: nil, text: "Is there more?", words: words)

        let attributed = WordAttribution.attribute([segment], to: [spanning, question])

        #expect(attributed.map(\.cluster) == ["1"])
    }

    @Test func aSentenceStaysWithItsSpeakerWhenWordTimesDriftPastTheTurn() {
        // Whisper timed "I" before the change and "upgrade tomorrow morning." after it
        let words = [
            Word(text: "Yes,", start: 0.2, end: 0.5, confidence: 1),
            Word(text: "I", start: 0.6, end: 0.7, confidence: 1),
            Word(text: "will", start: 0.8, end: 1.0, confidence: 1),
            Word(text: "test", start: 1.1, end: 1.4, confidence: 1),
            Word(text: "the", start: 1.5, end: 1.9, confidence: 1),
            Word(text: "upgrade", start: 2.1, end: 2.5, confidence: 1),
            Word(text: "tomorrow.", start: 2.6, end: 3.0, confidence: 1),
            Word(text: "I", start: 3.1, end: 3.2, confidence: 1),
            Word(text: "will", start: 4.1, end: 4.3, confidence: 1),
            Word(text: "write.", start: 4.4, end: 4.9, confidence: 1),
        ]
        let turns = [
            SpeakerTurn(speaker: "bob", start: 0, end: 2.0),
            SpeakerTurn(speaker: "dan", start: 2.0, end: 3.15),
            SpeakerTurn(speaker: "alice", start: 3.6, end: 5.0),
        ]
        let segment = SegmentDraft(start: 0.2, end: 4.9, cluster: nil, text: "", words: words)

        let split = WordAttribution.attribute([segment], to: turns)

        #expect(split.map(\.text) == ["Yes, I will test the upgrade tomorrow.", "I will write."])
        #expect(split.map(\.cluster) == ["bob", "alice"])
    }

    @Test func aChangeFarFromAnySentenceEndStaysWhereTheVoicesPutIt() {
        let words = (0..<10).map {
            Word(text: "word", start: Double($0) * 0.4, end: Double($0) * 0.4 + 0.3, confidence: 1)
        }
        let turns = [SpeakerTurn(speaker: "a", start: 0, end: 2.0), SpeakerTurn(speaker: "b", start: 2.0, end: 4.0)]

        let split = WordAttribution.attribute(
            [SegmentDraft(start: 0, end: 4, cluster: nil, text: "", words: words)],
            to: turns
        )

        #expect(split.map(\.cluster) == ["a", "b"])
        #expect(split.map(\.words.count) == [5, 5])
    }

    @Test func oneSpeakersSegmentsCloseTogetherAreJoined() {
        let first = SegmentDraft(start: 0, end: 1, cluster: "0", text: "We ship", words: [])
        let second = SegmentDraft(start: 1.3, end: 2, cluster: "0", text: "on Monday.", words: [])
        let later = SegmentDraft(start: 4, end: 5, cluster: "0", text: "Anything else?", words: [])
        let other = SegmentDraft(start: 5.1, end: 6, cluster: "1", text: "No.", words: [])

        let turns = [
            SpeakerTurn(speaker: "0", start: 0, end: 5.05),
            SpeakerTurn(speaker: "1", start: 5.05, end: 6),
        ]

        let joined = WordAttribution.attribute([first, second, later, other], to: turns)

        #expect(joined.map(\.text) == ["We ship on Monday.", "Anything else?", "No."])
        #expect(joined.first?.end == 2)
    }

    @Test func wordsOutsideEveryTurnGoToTheNearestTurn() {
        let late = SegmentDraft(
            start: 5,
            end: 6,
            cluster: nil,
            text: "Bye.",
            words: [Word(text: "Bye.", start: 5, end: 6, confidence: 1)]
        )
        #expect(WordAttribution.attribute([late], to: turns).map(\.cluster) == ["1"])
        #expect(WordAttribution.attribute([late], to: []).map(\.cluster) == [nil])
    }

    @Test func soloSpeechLeavesOutCrosstalk() {
        let samples = (0..<(16_000 * 4)).map { Float($0) }
        let overlapping = turns + [SpeakerTurn(speaker: "2", start: 1.0, end: 1.5)]

        let solo = SoloSpeech.samples(of: "0", turns: overlapping, in: samples, limit: 30)

        #expect(solo.count == 16_000 * 3 / 2)
        #expect(!solo.contains(Float(16_000 * 5 / 4)))
        #expect(SoloSpeech.samples(of: "1", turns: overlapping, in: samples, limit: 0.5).count == 8_000)
    }

    @Test func aVoiceThatIsMostlyCrosstalkIsPrintedFromItsOwnTurns() {
        let samples = (0..<(16_000 * 4)).map { Float($0) }
        let crosstalk = [
            SpeakerTurn(speaker: "a", start: 0, end: 2), SpeakerTurn(speaker: "b", start: 0.2, end: 1.9),
        ]

        #expect(
            SoloSpeech.voice(of: "a", turns: crosstalk, in: samples, limit: 20, minimumFrames: 8_000)?.count == 16_000
                * 2
        )
        #expect(SoloSpeech.voice(of: "b", turns: crosstalk, in: samples, limit: 20, minimumFrames: 30_000) == nil)
        #expect(
            SoloSpeech.voice(of: "b", turns: crosstalk, in: samples, limit: 20, minimumFrames: 8_000)?.count == 27_200
        )
    }

    @Test func profilesMatchAtTheThresholdAndNeverTwice() {
        let ada = SpeakerProfile(
            id: ProfileID(rawValue: "prf_00000000000a"),
            name: "Ada",
            voicePrints: [[1, 0, 0]],
            createdAt: .init()
        )
        let bo = SpeakerProfile(
            id: ProfileID(rawValue: "prf_00000000000b"),
            name: "Bo",
            voicePrints: [[0, 1, 0]],
            createdAt: .init()
        )
        let matcher = ProfileMatcher(profiles: [ada, bo], threshold: 0.6)

        let matches = matcher.matchAll(["x": [0.9, 0.1, 0], "y": [0.8, 0.3, 0], "z": [0, 0, 1]])

        #expect(matches["x"]?.name == "Ada")
        #expect(matches["y"] == nil, "Ada is taken by the closer voice and y is not close to Bo")
        #expect(matches["z"] == nil)
        #expect(matcher.match([0.1, 0.9, 0])?.name == "Bo")
    }
}
