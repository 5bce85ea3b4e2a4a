extension ScreenRenderer {
    /// The summary pane over the timeline: a spinner while it is built, then the summary.
    func drawSummary(_ state: ConsoleState, layout: ScreenLayout, theme: Theme, into grid: inout CellGrid) {
        guard state.summary.isVisible else { return }
        let pane = SummaryLayout(timeline: layout.timeline)
        guard pane.content.rows > 0, pane.content.cols > 0 else { return }
        var title = "Summary"
        var lines: [StyledSpan] = []
        switch state.summary {
        case .hidden:
            return
        case .building:
            lines = [
                StyledSpan(
                    col: 0,
                    text: "\(Spinner.frame(state.animationFrame)) Building the summary…",
                    role: .promptText
                )
            ]
        case .failed(let message):
            lines =
                TextWrapper.wrap(
                    "Could not build the summary: " + DisplayWidth.sanitized(message),
                    width: pane.content.cols
                )
                .map { StyledSpan(col: 0, text: $0, role: .statusError) }
                + [StyledSpan(col: 0, text: "Press s to try again, Esc to close.", role: .promptHint)]
        case .shown(let summaryLines, let scroll):
            let wrapped = pane.wrapped(summaryLines)
            let first = min(max(0, scroll), max(0, wrapped.count - pane.content.rows))
            if wrapped.count > pane.content.rows {
                title += " \(first + 1)–\(min(wrapped.count, first + pane.content.rows)) of \(wrapped.count)"
            }
            lines = wrapped.dropFirst(first).map { text in
                StyledSpan(col: 0, text: text, role: SummaryText.headings.contains(text) ? .promptTitle : .promptText)
            }
        }
        grid.drawBox(
            pane.rect,
            border: theme[.promptBorder],
            inside: theme[.promptText],
            title: title,
            titleStyle: theme[.promptTitle]
        )
        for (offset, span) in lines.prefix(pane.content.rows).enumerated() {
            draw(
                [span],
                row: pane.content.row + offset,
                origin: pane.content.col,
                limit: pane.content.right,
                base: theme[.promptText],
                theme: theme,
                into: &grid
            )
        }
    }
}
