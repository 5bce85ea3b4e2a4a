extension ScreenRenderer {
    /// The timeline's visible lines, or a placeholder while nobody has spoken.
    func drawTimeline(_ state: ConsoleState, layout: ScreenLayout, theme: Theme, into grid: inout CellGrid) {
        let area = layout.timeline
        let timeline = layout.timelineLayout(state)
        guard timeline.itemCount > 0 else {
            let text = DisplayWidth.truncate("Listening… captions appear here as people speak.", to: area.cols)
            let col = area.col + max(0, (area.cols - DisplayWidth.of(text: text)) / 2)
            grid.write(text, row: area.row + area.rows / 2, col: col, style: theme[.placeholder])
            return
        }
        for (offset, row) in timeline.visibleRows(height: area.rows).enumerated() {
            draw(
                row.spans,
                row: area.row + offset,
                origin: area.col,
                limit: area.right,
                base: .plain,
                theme: theme,
                into: &grid
            )
        }
    }
}
