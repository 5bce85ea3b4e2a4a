import MinutesConsole
import Testing

struct CellGridTests {
    @Test func neverSplitsAWideCharacterAtTheEdge() {
        var grid = CellGrid(size: TerminalSize(rows: 1, cols: 5))
        let end = grid.write("ab中文", row: 0, col: 0, style: .plain)
        #expect(grid.text == "ab中")
        #expect(grid[0, 2].width == 2)
        #expect(grid[0, 3].isContinuation)
        #expect(grid[0, 4] == Cell.blank(.plain))
        #expect(end == 5)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(size: TerminalSize(rows: 1, cols: 6))
        grid.write("中文字", row: 0, col: 0, style: .plain)
        grid.write("x", row: 0, col: 1, style: .plain)
        #expect(grid.line(0) == " x文字")
        grid.write("y", row: 0, col: 2, style: .plain)
        #expect(grid.line(0) == " xy 字")
        grid.write("日", row: 0, col: 3, style: .plain)
        #expect(grid.line(0) == " xy日 ")
        #expect(grid.cells.filter(\.isContinuation).count == 1)
    }

    @Test func clipsAtALimitAndSkipsZeroWidthCharacters() {
        var grid = CellGrid(size: TerminalSize(rows: 2, cols: 8))
        grid.write("abcdef", row: 0, col: 2, style: .plain, limit: 5)
        grid.write("\u{301}e\u{301}\u{7}z", row: 1, col: 0, style: .plain)
        #expect(grid.text == "  abc\ne\u{301}z")
    }

    @Test func reportsChangedRows() {
        var before = CellGrid(size: TerminalSize(rows: 3, cols: 4))
        before.write("abc", row: 0, col: 0, style: .plain)
        var after = before
        after.write("x", row: 2, col: 1, style: .plain)
        #expect(after.changedRows(since: before) == [2])
        #expect(after.changedRows(since: nil) == [0, 1, 2])
        #expect(CellGrid(size: TerminalSize(rows: 2, cols: 4)).changedRows(since: before) == [0, 1])
    }
}
