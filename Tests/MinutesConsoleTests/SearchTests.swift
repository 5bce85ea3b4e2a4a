import Foundation
import MinutesConsole
import MinutesCore
import Testing

struct SearchTests {
    private typealias Fixture = ConsoleFixture

    private func meeting() -> ConsoleStateMachine {
        var machine = Fixture.machine()
        let lines = [
            "The budget is tight.", "Hiring comes first.", "What about the BUDGET for travel?", "Let's decide later.",
            "Budget review on Friday.",
        ]
        for (index, line) in lines.enumerated() {
            machine.send(.segmentAppended(Fixture.segment(index, at: Double(index * 5), Fixture.first, line)))
        }
        return machine
    }

    @Test func typingAQueryThenEnterJumpsToTheFirstMatch() {
        var machine = meeting()
        machine.press(.character("/"))
        let actions = machine.type("budget q")
        #expect(actions.isEmpty)
        #expect(machine.state.search.draft == "budget q")
        #expect(Fixture.render(machine.state).line(23).hasPrefix(" /budget q"))
        #expect(Fixture.render(machine.state).cursor == CellPosition(row: 23, col: 10))
        machine.press(.backspace, .backspace, .enter)
        #expect(machine.state.search == SearchState(query: "budget", hits: [0, 2, 4], current: 0))
        let grid = Fixture.render(machine.state)
        #expect(grid.line(23).hasPrefix(" “budget” 1/3"))
        // The match in the current line and the one in another line are highlighted.
        #expect(grid[2, 25].style == Theme.standard[.searchCurrent])
        #expect(grid[4, 38].style == Theme.standard[.searchHit])
        #expect(grid[4, 21].style == Theme.standard[.text])
    }

    @Test func nAndShiftNMoveBetweenMatchesAndWrap() {
        var machine = meeting()
        machine.press(.character("/"))
        machine.type("budget")
        machine.press(.enter)
        machine.press(.character("n"))
        #expect(machine.state.search.currentItem == 2)
        machine.press(.character("n"))
        #expect(machine.state.search.currentItem == 4)
        machine.press(.character("n"))
        #expect(machine.state.search.currentItem == 0)
        machine.press(.character("N"))
        #expect(machine.state.search.currentItem == 4)
    }

    @Test func newCaptionsThatMatchJoinTheHits() {
        var machine = meeting()
        machine.press(.character("/"))
        machine.type("friday")
        machine.press(.enter)
        machine.send(.segmentAppended(Fixture.segment(5, at: 30, Fixture.second, "Friday works.")))
        #expect(machine.state.search.hits == [4, 5])
    }

    @Test func noMatchesSaysSo() {
        var machine = meeting()
        machine.press(.character("/"))
        machine.type("zebra")
        machine.press(.enter)
        #expect(machine.state.statusMessage?.text == "No matches for “zebra”.")
        machine.press(.character("n"))
        #expect(machine.state.search.current == nil)
    }

    @Test func escapeCancelsTypingAndThenClearsTheSearch() {
        var machine = meeting()
        machine.press(.character("/"))
        machine.type("hiring")
        machine.press(.enter)
        machine.press(.character("/"))
        machine.type("xyz")
        machine.press(.escape)
        #expect(machine.state.search.query == "hiring")
        #expect(!machine.state.search.isEditing)
        machine.press(.escape)
        #expect(machine.state.search == SearchState())
    }

    @Test func searchFindsSpeakersByName() {
        var machine = meeting()
        machine.send(.segmentAppended(Fixture.segment(5, at: 30, Fixture.second, "Agreed.")))
        machine.press(.character("/"))
        machine.type("bob")
        machine.press(.enter)
        #expect(machine.state.search.hits == [5])
    }

    @Test func jumpingToAnOldMatchStopsFollowing() {
        var machine = Fixture.machine()
        for index in 0..<60 {
            machine.send(
                .segmentAppended(
                    Fixture.segment(index, at: Double(index), Fixture.first, index == 3 ? "needle" : "hay \(index)")
                )
            )
        }
        machine.press(.character("/"))
        machine.type("needle")
        machine.press(.enter)
        #expect(!machine.state.viewport.isFollowing)
        let lines = Fixture.render(machine.state).text.split(separator: "\n").map(String.init)
        #expect(lines[2...22].contains("00:00:03  Alice      needle"))
    }
}

/// `g`: every stored meeting, through the engine, in a list over the timeline.
struct AllMeetingsSearchTests {
    private typealias Fixture = ConsoleFixture

    private static func hit(_ title: String, _ text: String, at: Double) throws -> SearchHit {
        SearchHit(
            session: SessionID(rawValue: "ses_00000000b00\(title.count % 10)"),
            title: title,
            startedAt: Date(timeIntervalSince1970: 1_764_000_000),
            kind: .said,
            at: at,
            speaker: "Ada",
            text: text,
            marking: try SearchExpression(parsing: "budget")
        )
    }

    @Test func gAsksTheEngineAndLeavesThisMeetingsSearchAlone() {
        var machine = Fixture.machine()
        machine.press(.character("/"))
        machine.type("hiring")
        machine.press(.enter)
        let before = machine.state.search

        machine.press(.character("g"))
        #expect(Fixture.render(machine.state).line(23).hasPrefix(" all meetings: "))
        machine.type("budget")
        let actions = machine.press(.enter)

        #expect(actions == [.searchMeetings("budget")])
        #expect(machine.state.search == before)
        #expect(machine.state.statusMessage?.text.contains("Searching every meeting") == true)
    }

    @Test func theHitsOpenInAListThatScrollsAndClosesOnAnyOtherKey() throws {
        var machine = Fixture.machine()
        let hits = try (0..<30).map { try Self.hit("Weekly", "The budget line \($0).", at: Double($0 * 10)) }
        machine.send(.meetingSearchFinished(query: "budget", hits: hits))

        guard case .listing(let listing) = machine.state.overlay else {
            Issue.record("no list: \(String(describing: machine.state.overlay))")
            return
        }
        #expect(listing.title == "All meetings: budget (30 hits)")
        let grid = Fixture.render(machine.state)
        #expect((0..<24).contains { grid.line($0).contains("All meetings: budget (30 hits)") })
        #expect((0..<24).contains { grid.line($0).contains("Ada: The «budget» line 0.") })
        machine.press(.pageDown)
        guard case .listing(let scrolled) = machine.state.overlay else {
            Issue.record("the list closed on a page key")
            return
        }
        #expect(scrolled.firstLine > 0)
        #expect(!(0..<24).contains { Fixture.render(machine.state).line($0).contains("line 0.") })
        machine.press(.escape)
        #expect(machine.state.overlay == nil)
    }

    @Test func noHitsSayWhatWasSearched() {
        var machine = Fixture.machine()
        machine.send(.meetingSearchFinished(query: "zeppelin", hits: []))
        #expect(machine.state.overlay == nil)
        #expect(machine.state.statusMessage?.text == "No meeting mentions “zeppelin”.")
    }
}
