import MinutesConsole
import MinutesCore
import Testing

struct PlainLineFormatterTests {
    private typealias Fixture = ConsoleFixture

    @Test func printsEachFinalCaptionOnceAsTimeSpeakerText() {
        var machine = Fixture.machine()
        var formatter = PlainLineFormatter()
        machine.send(
            .segmentAppended(Fixture.segment(0, at: 3725, Fixture.first, "Hello\nthere")),
            .caption(
                LiveCaption(
                    utterance: 1,
                    start: 3730,
                    end: 3731,
                    stableText: "partial",
                    tentativeText: "",
                    isFinal: false
                )
            )
        )
        #expect(formatter.newLines(in: machine.state) == ["01:02:05 Alice: Hello there"])
        #expect(formatter.newLines(in: machine.state) == [])

        machine.send(.segmentAppended(Fixture.segment(1, at: 3731, nil, "No speaker")))
        machine.send(.tick(elapsed: 3732))
        machine.press(.character("b"))
        #expect(
            formatter.newLines(in: machine.state) == [
                "01:02:11 No speaker", "01:02:12 -- bookmark --", "-- Bookmarked 01:02:12 --",
            ]
        )
    }

    @Test func formatsASingleEntry() {
        let entry = TimelineEntry(segmentIndex: 0, start: 5, end: 6, speaker: nil, text: "Hi \u{1B}[2J")
        #expect(PlainLineFormatter.line(for: entry, speakerName: "Bob") == "00:00:05 Bob: Hi [2J")
    }
}
