import MinutesCore

extension ScreenRenderer {
    /// Cells of the input level meter.
    static let meterWidth = 10

    /// Two lines: recording badge, title, elapsed time and level meter; then models,
    /// capture health and where recordings go.
    func drawHeader(_ state: ConsoleState, layout: ScreenLayout, theme: Theme, into grid: inout CellGrid) {
        let cols = layout.size.cols
        let bar = theme[.header]
        grid.fill(row: 0, style: bar)

        let badge: (String, ThemeRole) =
            switch state.capture {
            case .recording: (" ● REC ", .headerRecording)
            case .paused: (" ❚❚ PAUSED ", .headerPaused)
            case .deviceLost: (" ! NO INPUT ", .headerAlert)
            }
        let badgeEnd = grid.write(badge.0, row: 0, col: 0, style: compose(theme[badge.1], over: bar))

        let clock = Timecode.clock(seconds: state.elapsed)
        let meterText = "mic "
        let rightWidth = DisplayWidth.of(text: clock) + 2 + meterText.count + ScreenRenderer.meterWidth + 1
        let rightStart = cols - rightWidth
        let titleWidth = rightStart - badgeEnd - 4
        if titleWidth > 0 {
            let title = DisplayWidth.truncate(DisplayWidth.sanitized(state.title), to: titleWidth)
            grid.write(title, row: 0, col: badgeEnd + 2, style: bar)
        }
        var col = grid.write(clock + "  " + meterText, row: 0, col: rightStart, style: bar)
        let level = min(1, max(0, state.inputLevel.isFinite ? state.inputLevel : 0))
        let filled = Int((level * Double(ScreenRenderer.meterWidth)).rounded())
        for cell in 0..<ScreenRenderer.meterWidth {
            let role: ThemeRole = cell >= ScreenRenderer.meterWidth - 2 ? .meterPeak : .meter
            if cell < filled {
                col = grid.write("█", row: 0, col: col, style: compose(theme[role], over: bar))
            } else {
                col = grid.write("░", row: 0, col: col, style: bar)
            }
        }

        drawInfoLine(state, cols: cols, theme: theme, into: &grid)
    }

    private func drawInfoLine(_ state: ConsoleState, cols: Int, theme: Theme, into grid: inout CellGrid) {
        let info = theme[.headerInfo]
        grid.fill(row: 1, style: .plain)
        let path = DisplayWidth.sanitized(state.recordingsPath)
        let pathText = "rec " + DisplayWidth.truncateLeading(path, to: max(10, cols / 3 - 4))
        let pathStart = cols - DisplayWidth.of(text: pathText) - 1
        grid.write(pathText, row: 1, col: pathStart, style: info)

        var spans: [StyledSpan] = []
        var col = 1
        func add(_ text: String, _ role: ThemeRole) {
            spans.append(StyledSpan(col: col, text: text, role: role))
            col += DisplayWidth.of(text: text)
        }
        let counters = "dropped \(state.droppedChunks) · overruns \(state.overruns)"
        let bookmarks = state.bookmarks.count
        let countersWidth = DisplayWidth.of(text: counters) + (bookmarks > 0 ? 5 + String(bookmarks).count : 0)
        let modelsWidth = pathStart - 2 - col - countersWidth - 2
        if !state.modelNames.isEmpty, modelsWidth > 3 {
            let models = state.modelNames.map(DisplayWidth.sanitized).joined(separator: " · ")
            add(DisplayWidth.truncate(models, to: modelsWidth), .headerInfo)
            add("  ", .headerInfo)
        }
        add("dropped \(state.droppedChunks)", state.droppedChunks > 0 ? .warning : .headerInfo)
        add(" · ", .headerInfo)
        add("overruns \(state.overruns)", state.overruns > 0 ? .warning : .headerInfo)
        if bookmarks > 0 { add(" · ★ \(bookmarks)", .bookmark) }
        draw(spans, row: 1, origin: 0, limit: pathStart - 2, base: .plain, theme: theme, into: &grid)
    }
}
