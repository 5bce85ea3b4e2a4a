extension ScreenRenderer {
    /// The docked prompt above the status line ("Who is this?", pickers, confirmations).
    func drawDock(_ state: ConsoleState, layout: ScreenLayout, theme: Theme, into grid: inout CellGrid) {
        guard let rect = layout.dock, let prompt = state.prompt else { return }
        let view = PromptView(prompt: prompt, state: state, width: rect.cols)
        grid.drawBox(
            rect,
            border: theme[.promptBorder],
            inside: theme[.promptText],
            title: view.title,
            titleStyle: theme[.promptTitle]
        )
        let content = CellGrid.contentRect(of: rect)
        for (offset, spans) in view.lines.prefix(content.rows).enumerated() {
            draw(
                spans,
                row: content.row + offset,
                origin: content.col,
                limit: content.right,
                base: theme[.promptText],
                theme: theme,
                into: &grid
            )
        }
        if let cursor = view.cursor, cursor.row < content.rows {
            grid.cursor = CellPosition(row: content.row + cursor.row, col: content.col + cursor.col)
        }
    }
}
