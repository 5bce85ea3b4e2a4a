import MinutesConsole
import MinutesCore
import Testing

struct ScreenRendererTests {
    private typealias Fixture = ConsoleFixture

    /// A short meeting: two named speakers, a partial caption, 12:34 in.
    private func meeting(size: TerminalSize = .standard) -> ConsoleStateMachine {
        var machine = ConsoleStateMachine(
            state: ConsoleState(
                title: "Weekly sync",
                recordingsPath: "/home/ana/Recordings",
                modelNames: ["whisper tiny.en", "3d-speaker"],
                size: size
            )
        )
        machine.send(
            .speakerAppeared(Fixture.speaker(Fixture.first, ordinal: 1, name: "Alice")),
            .speakerAppeared(Fixture.speaker(Fixture.second, ordinal: 2, name: "Bob")),
            .tick(elapsed: 754),
            .inputLevel(0.45),
            .captureCounters(dropped: 2, overruns: 0),
            .segmentAppended(Fixture.segment(0, at: 3, Fixture.first, "Thanks for joining, everyone.")),
            .segmentAppended(Fixture.segment(1, at: 9.4, Fixture.second, "Happy to be here.")),
            .caption(
                LiveCaption(
                    utterance: 2,
                    start: 14,
                    end: 15,
                    stableText: "Let's start",
                    tentativeText: "with",
                    isFinal: false
                )
            )
        )
        return machine
    }

    @Test func laysOutHeaderTimelineAndStatusIn80x24() {
        let grid = Fixture.render(meeting().state)
        let expected = """
             ● REC   Weekly sync                                   00:12:34  mic █████░░░░░
             whisper tiny.en · 3d-speaker  dropped 2 · overruns 0  rec /home/ana/Recordings
            00:00:03  Alice      Thanks for joining, everyone.
            00:00:09  Bob        Happy to be here.
            00:00:14  …          Let's start with


















                space pause  s summary  e export  l label  / search  b mark  ? help  q quit
            """
        #expect(grid.text == expected)
        #expect(grid.size == TerminalSize(rows: 24, cols: 80))
        // The badge, the header bar and the status bar carry their theme styles.
        #expect(grid[0, 1].style == Theme.standard[.headerRecording])
        #expect(grid[0, 20].style.background == Theme.standard[.header].background)
        #expect(grid[23, 0].style == Theme.standard[.status])
        #expect(grid[2, 10].style == Theme.standard[.speaker(0)])
        #expect(grid[3, 10].style == Theme.standard[.speaker(1)])
        #expect(grid[1, 34].style == Theme.standard[.warning])
        #expect(grid.cursor == nil)
    }

    @Test func showsPausedAndLostInputInTheHeader() {
        var machine = meeting()
        machine.press(.character(" "))
        #expect(Fixture.render(machine.state).line(0).hasPrefix(" ❚❚ PAUSED   Weekly sync"))
        machine.send(.deviceLost(message: "USB microphone unplugged"))
        let grid = Fixture.render(machine.state)
        #expect(grid.line(0).hasPrefix(" ! NO INPUT   Weekly sync"))
        #expect(grid.line(23).hasPrefix(" Input device lost: USB microphone unplugged. Press space to try again."))
        #expect(grid[23, 1].style == Theme.standard[.statusError])
    }

    @Test func wrapsALongCaptionWithContinuationLinesUnderTheTextColumn() {
        var machine = meeting()
        machine.send(
            .segmentAppended(
                Fixture.segment(
                    2,
                    at: 16,
                    Fixture.first,
                    "Let's start with the roadmap for the next quarter, which changed quite a bit since the last time we met, mostly because of hiring."
                )
            )
        )
        let lines = Fixture.render(machine.state).text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            Array(lines[4...6]) == [
                "00:00:16  Alice      Let's start with the roadmap for the next quarter, which",
                "                     changed quite a bit since the last time we met, mostly",
                "                     because of hiring.",
            ]
        )
    }

    @Test func measuresWideCharactersAndNeverSplitsOneAtTheRightEdge() {
        var machine = meeting(size: TerminalSize(rows: 15, cols: 60))
        // 21 columns of prefix leave 39 for text: 19 ideographs (38 columns) fit, the 20th
        // would straddle the edge and moves to the next line.
        let text = String(repeating: "会", count: 19) + "議" + " 👍🏽 ok"
        machine.send(.segmentAppended(Fixture.segment(2, at: 16, Fixture.first, text)))
        let grid = Fixture.render(machine.state)
        let row = (0..<grid.rows).first { grid.line($0).hasPrefix("00:00:16") }!
        #expect(grid.line(row) == "00:00:16  Alice      " + String(repeating: "会", count: 19) + " ")
        #expect(grid[row, 21].width == 2)
        #expect(grid[row, 22].isContinuation)
        #expect(grid[row, 59] == Cell.blank(.plain))
        #expect(grid.line(row + 1).hasPrefix(String(repeating: " ", count: 21) + "議 👍🏽 ok"))
        #expect(grid[row + 1, 24].character == "👍🏽")
        #expect(grid[row + 1, 24].width == 2)
        #expect(grid[row + 1, 25].isContinuation)
        #expect(grid[row + 1, 27].character == "o")
    }

    @Test func drawsThePartialCaptionDimThenReplacesItInPlace() {
        var machine = meeting()
        var grid = Fixture.render(machine.state)
        #expect(grid.line(4).hasPrefix("00:00:14  …          Let's start with"))
        #expect(grid[4, 21].style == Theme.standard[.partial])
        #expect(grid[4, 21].style.dim)

        machine.send(
            .caption(
                LiveCaption(
                    utterance: 2,
                    start: 14,
                    end: 16,
                    stableText: "Let's start with the",
                    tentativeText: "budget",
                    isFinal: false
                )
            )
        )
        grid = Fixture.render(machine.state)
        #expect(grid.text.split(separator: "\n")[4] == "00:00:14  …          Let's start with the budget")

        machine.send(
            .segmentAppended(
                Segment(index: 2, start: 14, end: 17, speaker: Fixture.first, text: "Let's start with the budget.")
            )
        )
        grid = Fixture.render(machine.state)
        #expect(grid.text.split(separator: "\n")[4] == "00:00:14  Alice      Let's start with the budget.")
        #expect(grid[4, 21].style == Theme.standard[.text])
        #expect(grid.line(5).allSatisfy { $0 == " " })
    }

    @Test func aFinalCaptionStaysUntilItsSegmentWhenTheNextUtteranceIsCaptionedFirst() {
        // Given utterance 2's final caption, its speakers still being labelled
        var machine = meeting()
        machine.send(
            .caption(Self.caption(2, at: 14, "Let's start.", isFinal: true)),
            // When the next utterance is captioned before utterance 2's segment is stored
            .caption(Self.caption(3, at: 17, "Sure", isFinal: false))
        )

        // Then both lines show, in order
        var lines = Fixture.render(machine.state).text.split(separator: "\n")
        #expect(lines[4] == "00:00:14  …          Let's start.")
        #expect(lines[5] == "00:00:17  …          Sure")

        // When utterance 2's segment is stored, it takes its caption's place; utterance 3's stays
        machine.send(
            .segmentAppended(Segment(index: 2, start: 14, end: 16, speaker: Fixture.first, text: "Let's start."))
        )
        lines = Fixture.render(machine.state).text.split(separator: "\n")
        #expect(lines[4] == "00:00:14  Alice      Let's start.")
        #expect(lines[5] == "00:00:17  …          Sure")

        // and a final caption without text clears utterance 3's line
        machine.send(.caption(Self.caption(3, at: 17, "", isFinal: true)))
        #expect(Fixture.render(machine.state).line(5).allSatisfy { $0 == " " })
    }

    private static func caption(_ utterance: Int, at start: Double, _ text: String, isFinal: Bool) -> LiveCaption {
        LiveCaption(
            utterance: utterance,
            start: start,
            end: start + 1,
            stableText: text,
            tentativeText: "",
            isFinal: isFinal
        )
    }

    @Test func resizingRepaintsEveryCellAtTheNewSize() {
        var machine = meeting()
        let large = Fixture.render(machine.state)
        machine.press(.resize(rows: 16, cols: 62))
        let small = Fixture.render(machine.state)
        #expect(small.size == TerminalSize(rows: 16, cols: 62))
        #expect(small.cells.count == 16 * 62)
        #expect(small.changedRows(since: large) == Array(0..<16))
        let expected = """
             ● REC   Weekly sync                 00:12:34  mic █████░░░░░
             whisper tiny…  dropped 2 · overruns 0   rec …/ana/Recordings
            00:00:03  Alice      Thanks for joining, everyone.
            00:00:09  Bob        Happy to be here.
            00:00:14  …          Let's start with










               space pause  s summary  e export  / search  ? help  q quit
            """
        #expect(small.text == expected)

        machine.press(.resize(rows: 24, cols: 80))
        #expect(Fixture.render(machine.state) == large)
    }

    @Test(arguments: [
        TerminalSize(rows: 10, cols: 40), TerminalSize(rows: 24, cols: 59), TerminalSize(rows: 14, cols: 100),
    ])
    func asksForALargerWindowBelowTheMinimum(size: TerminalSize) {
        let grid = Fixture.render(meeting(size: size).state)
        let text = grid.text
        #expect(text.contains("Make the window at least"))
        #expect(text.replacingLineBreaks().contains("Make the window at least 60×15 (it is \(size))."))
        #expect(!text.contains("Weekly sync"))
    }

    @Test func rendersNothingForAZeroSizedTerminal() {
        let grid = Fixture.render(meeting().state, size: TerminalSize(rows: 0, cols: 0))
        #expect(grid.cells.isEmpty)
        #expect(grid.text == "")
    }

    @Test func showsAPlaceholderUntilSomeoneSpeaks() {
        let grid = Fixture.render(Fixture.state())
        #expect(grid.line(12).contains("Listening… captions appear here as people speak."))
    }

    @Test func marksBookmarksOnTheTimelineAndCountsThemInTheHeader() {
        var machine = meeting()
        machine.send(.tick(elapsed: 15))
        #expect(machine.press(.character("b")) == [.bookmark(at: 15)])
        let grid = Fixture.render(machine.state)
        #expect(grid.line(4).hasPrefix("00:00:15  ★ bookmark"))
        #expect(grid.line(5).hasPrefix("00:00:14  …          Let's start with"))
        #expect(grid.line(1).contains("★ 1"))
        #expect(grid.line(23).contains("Bookmarked 00:00:15"))
    }
}

extension String {
    /// The text with line breaks turned into spaces, for messages the renderer wrapped.
    fileprivate func replacingLineBreaks() -> String {
        split(separator: "\n").map { $0.trimmingSpaces() }.joined(separator: " ")
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " })
    }
}
