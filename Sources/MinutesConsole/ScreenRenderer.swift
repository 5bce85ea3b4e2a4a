/// Draws a ``ConsoleState`` into a ``CellGrid``: the pure half of the console.
///
/// It never touches the terminal, so every screen is testable as text, and a curses (or any
/// other) backend only copies cells. Each call paints a fresh grid of exactly the requested
/// size, so a resize can never leave cells of the previous layout behind.
public struct ScreenRenderer: Sendable {
    public init() {}

    /// The smallest terminal the full console is drawn in; smaller ones get a message.
    public static var minimumSize: TerminalSize { ScreenLayout.minimumSize }

    /// Paints `state` for a terminal of `size` in `theme`'s styles.
    public func render(_ state: ConsoleState, theme: Theme, size: TerminalSize) -> CellGrid {
        var grid = CellGrid(size: size)
        guard size.rows > 0, size.cols > 0 else { return grid }
        let layout = ScreenLayout(size: size, state: state)
        guard !layout.isTooSmall else {
            drawTooSmall(into: &grid, theme: theme)
            return grid
        }
        drawHeader(state, layout: layout, theme: theme, into: &grid)
        drawTimeline(state, layout: layout, theme: theme, into: &grid)
        drawSummary(state, layout: layout, theme: theme, into: &grid)
        drawOverlay(state, layout: layout, theme: theme, into: &grid)
        drawDock(state, layout: layout, theme: theme, into: &grid)
        drawStatus(state, layout: layout, theme: theme, into: &grid)
        return grid
    }

    /// "Make the window at least 60×15", centred, instead of a screen that cannot fit.
    private func drawTooSmall(into grid: inout CellGrid, theme: Theme) {
        let minimum = ScreenLayout.minimumSize
        let text = "Make the window at least \(minimum) (it is \(grid.size))."
        let lines = TextWrapper.wrap(text, width: grid.cols)
        let top = max(0, (grid.rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let col = max(0, (grid.cols - DisplayWidth.of(text: line)) / 2)
            grid.write(line, row: top + offset, col: col, style: theme[.warning])
        }
    }

    /// Writes spans on `row`, columns relative to `origin`, clipped at `limit`.
    ///
    /// A span whose role has no background of its own takes the background of `base`, so
    /// coloured bars stay unbroken.
    func draw(
        _ spans: [StyledSpan],
        row: Int,
        origin: Int,
        limit: Int,
        base: CellStyle,
        theme: Theme,
        into grid: inout CellGrid
    ) {
        for span in spans {
            grid.write(
                span.text,
                row: row,
                col: origin + span.col,
                style: compose(theme[span.role], over: base),
                limit: limit
            )
        }
    }

    /// `style` drawn inside a region painted in `base`.
    func compose(_ style: CellStyle, over base: CellStyle) -> CellStyle {
        guard style.background == .terminalDefault, !style.reverse else { return style }
        var composed = style
        composed.background = base.background
        composed.reverse = base.reverse
        if composed.foreground == .terminalDefault { composed.foreground = base.foreground }
        return composed
    }
}
