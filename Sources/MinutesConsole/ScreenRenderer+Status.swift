extension ScreenRenderer {
    /// The bottom line: a message or search on the left, the key hints that fit on the right.
    func drawStatus(_ state: ConsoleState, layout: ScreenLayout, theme: Theme, into grid: inout CellGrid) {
        let row = layout.statusRow
        let cols = layout.size.cols
        let bar = theme[.status]
        grid.fill(row: row, style: bar)
        var line = StatusLine(state: state)
        line.left = line.left.map { span in
            var cut = span
            cut.text = DisplayWidth.truncate(span.text, to: max(0, cols - 2 - span.col))
            return cut
        }

        let leftWidth = line.left.reduce(0) { max($0, $1.col + DisplayWidth.of(text: $1.text)) }
        let leftLimit = min(cols - 1, 1 + leftWidth)
        draw(line.left, row: row, origin: 1, limit: cols - 1, base: bar, theme: theme, into: &grid)
        if let cursor = line.cursor { grid.cursor = CellPosition(row: row, col: min(cols - 1, 1 + cursor)) }

        let room = cols - 1 - (leftWidth > 0 ? leftLimit + 3 : 1)
        let hints = KeyHint.fitting(line.hints, in: max(0, room))
        let hintsWidth = hints.reduce(0) { $0 + $1.width } + max(0, hints.count - 1) * 2
        var col = cols - 1 - hintsWidth
        for (index, hint) in hints.enumerated() {
            if index > 0 { col += 2 }
            col = grid.write(hint.key, row: row, col: col, style: compose(theme[.statusKey], over: bar))
            col = grid.write(" " + hint.label, row: row, col: col, style: bar)
        }
    }
}
