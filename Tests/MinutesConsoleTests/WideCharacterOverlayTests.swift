import MinutesConsole
import MinutesCore
import Testing

/// Overlays drawn over wide characters must not leave half characters behind.
struct WideCharacterOverlayTests {
    private typealias Fixture = ConsoleFixture

    /// Every wide cell is followed by its continuation, and every continuation follows a wide cell.
    private func isConsistent(_ grid: CellGrid) -> Bool {
        for row in 0..<grid.rows {
            for col in 0..<grid.cols {
                let cell = grid[row, col]
                if cell.width == 2, col + 1 >= grid.cols || !grid[row, col + 1].isContinuation { return false }
                if cell.isContinuation, col == 0 || grid[row, col - 1].width != 2 { return false }
            }
        }
        return true
    }

    @Test(arguments: [
        [KeyPress.character("e")], [.character("?")], [.character("s")], [.character("q")], [.character("l")],
    ])
    func overlaysOverCJKAndEmojiKeepEveryCellWhole(keys: [KeyPress]) {
        for cols in [60, 61, 80, 81] {
            var machine = Fixture.machine(size: TerminalSize(rows: 20, cols: cols))
            for index in 0..<10 {
                let text = (index.isMultiple(of: 2) ? "x" : "") + "会議を始めましょう。👍🏽今日の議題は三つあります。まず予算、次にスケジュール"
                machine.send(.segmentAppended(Fixture.segment(index, at: Double(index), Fixture.first, text)))
            }
            for key in keys { _ = machine.handle(.key(key)) }
            let grid = Fixture.render(machine.state)
            #expect(isConsistent(grid), "\(keys) at \(cols) columns:\n\(grid.text)")
        }
    }

    @Test func quotesWideTextInTheWhoIsThisPrompt() {
        var machine = Fixture.machine()
        machine.send(
            .speakerAppeared(Fixture.speaker(Fixture.third, ordinal: 3)),
            .segmentAppended(Fixture.segment(0, at: 2, Fixture.third, String(repeating: "日本語", count: 30)))
        )
        let grid = Fixture.render(machine.state)
        #expect(isConsistent(grid))
        let quote = grid.line(18)
        #expect(quote.hasPrefix("│ 00:00:02  日本語日本語"))
        // 66 columns for the quote: 32 ideographs and the ellipsis, then one blank cell.
        #expect(quote.hasSuffix("本…  │"))
        #expect(DisplayWidth.of(text: quote) == 80)
    }
}
