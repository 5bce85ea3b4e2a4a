import MinutesConsole
import MinutesCore
import Testing

struct ScrollingTests {
    private typealias Fixture = ConsoleFixture

    /// 60 one-line captions: far more than the 21 timeline rows of an 80×24 screen.
    private func longMeeting() -> ConsoleStateMachine {
        var machine = Fixture.machine()
        for index in 0..<60 {
            let speaker = index.isMultiple(of: 2) ? Fixture.first : Fixture.second
            machine.send(.segmentAppended(Fixture.segment(index, at: Double(index * 10), speaker, "Line \(index)")))
        }
        return machine
    }

    /// The timeline rows' text (rows 2–22 of 24).
    private func timelineLines(_ state: ConsoleState) -> [String] {
        let lines = Fixture.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Array(lines[2...22])
    }

    @Test func followsTheNewestLineAtTheBottom() {
        var machine = longMeeting()
        #expect(machine.state.viewport.isFollowing)
        #expect(timelineLines(machine.state).first == "00:06:30  Bob        Line 39")
        #expect(timelineLines(machine.state).last == "00:09:50  Bob        Line 59")
        machine.send(.segmentAppended(Fixture.segment(60, at: 600, Fixture.first, "Line 60")))
        #expect(timelineLines(machine.state).last == "00:10:00  Alice      Line 60")
    }

    @Test func pageUpStopsFollowingAndEndResumes() {
        var machine = longMeeting()
        machine.press(.pageUp)
        #expect(!machine.state.viewport.isFollowing)
        // A page is the timeline's height less one line of context.
        #expect(timelineLines(machine.state).first == "00:03:10  Bob        Line 19")
        #expect(timelineLines(machine.state).last == "00:06:30  Bob        Line 39")
        #expect(Fixture.render(machine.state).line(23).contains("End follow"))

        // New lines arrive below without moving what the user reads.
        machine.send(.segmentAppended(Fixture.segment(60, at: 600, Fixture.first, "Line 60")))
        #expect(timelineLines(machine.state).first == "00:03:10  Bob        Line 19")

        machine.press(.end)
        #expect(machine.state.viewport.isFollowing)
        #expect(timelineLines(machine.state).last == "00:10:00  Alice      Line 60")
    }

    @Test func arrowsScrollByLineAndScrollingBackDownFollowsAgain() {
        var machine = longMeeting()
        machine.press(.up, .up)
        #expect(timelineLines(machine.state).first == "00:06:10  Bob        Line 37")
        machine.press(.down)
        #expect(!machine.state.viewport.isFollowing)
        machine.press(.down)
        #expect(machine.state.viewport.isFollowing)
    }

    @Test func homeGoesToTheStartAndStopsAtTheTop() {
        var machine = longMeeting()
        machine.press(.home)
        #expect(timelineLines(machine.state).first == "00:00:00  Alice      Line 0")
        machine.press(.up, .pageUp)
        #expect(timelineLines(machine.state).first == "00:00:00  Alice      Line 0")
        machine.press(.pageDown, .pageDown)
        #expect(machine.state.viewport.isFollowing)
    }

    @Test func scrollingWhenEverythingFitsKeepsFollowing() {
        var machine = Fixture.machine()
        machine.send(.segmentAppended(Fixture.segment(0, at: 1, Fixture.first, "Only line")))
        machine.press(.pageUp, .up, .home)
        #expect(machine.state.viewport.isFollowing)
        #expect(timelineLines(machine.state).first == "00:00:01  Alice      Only line")
    }

    @Test func aResizeKeepsTheSameCaptionAtTheTopOfAScrolledView() {
        var machine = longMeeting()
        machine.press(.pageUp)
        machine.press(.resize(rows: 30, cols: 100))
        let lines = Fixture.render(machine.state).text.split(separator: "\n").map(String.init)
        #expect(lines[2] == "00:03:10  Bob        Line 19")
    }
}
