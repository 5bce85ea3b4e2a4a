import MinutesCore

extension ScreenRenderer {
    /// The help or export menu, centred over the timeline.
    func drawOverlay(_ state: ConsoleState, layout: ScreenLayout, theme: Theme, into grid: inout CellGrid) {
        switch state.overlay {
        case .help: drawHelp(area: layout.timeline, theme: theme, into: &grid)
        case .exportMenu(let selection):
            drawExportMenu(selection: selection, state: state, area: layout.timeline, theme: theme, into: &grid)
        case .listing(let listing):
            drawListing(listing, area: layout.timeline, theme: theme, into: &grid)
        case .prompt, nil: break
        }
    }

    /// A listing filling the timeline's area, from the first line scrolled to.
    private func drawListing(_ listing: ScrollingListing, area: CellRect, theme: Theme, into grid: inout CellGrid) {
        let content = drawPanel(area, title: DisplayWidth.sanitized(listing.title), theme: theme, into: &grid)
        for (offset, line) in listing.lines.dropFirst(listing.firstLine).enumerated() {
            let row = content.row + offset
            guard row < content.bottom else { break }
            let style = line.hasPrefix("  ") ? theme[.promptText] : theme[.promptTitle]
            grid.write(DisplayWidth.sanitized(line), row: row, col: content.col, style: style, limit: content.right)
        }
    }

    /// The key list in two columns when there is room, one otherwise.
    private func drawHelp(area: CellRect, theme: Theme, into grid: inout CellGrid) {
        let entries = HelpText.entries
        let columnWidth = HelpText.columnWidth
        let columns = area.cols >= 2 * columnWidth + 6 && area.rows < entries.count + 2 ? 2 : 1
        let perColumn = (entries.count + columns - 1) / columns
        let rect = area.centered(rows: perColumn + 2, cols: columns * columnWidth + (columns - 1) * 2 + 4)
        let content = drawPanel(rect, title: "Keys", theme: theme, into: &grid)
        for (index, entry) in entries.enumerated() {
            let row = content.row + index % perColumn
            guard row < content.bottom else { continue }
            let col = content.col + (index / perColumn) * (columnWidth + 2)
            let limit = min(content.right, col + columnWidth)
            grid.write(entry.key, row: row, col: col, style: theme[.promptTitle], limit: limit)
            grid.write(entry.label, row: row, col: col + HelpText.keyWidth, style: theme[.promptText], limit: limit)
        }
    }

    private func drawExportMenu(
        selection: Int,
        state: ConsoleState,
        area: CellRect,
        theme: Theme,
        into grid: inout CellGrid
    ) {
        let formats = ExportMenu.formats
        let width = 36
        let rect = area.centered(rows: formats.count + 2, cols: width)
        let content = drawPanel(rect, title: "Export", theme: theme, into: &grid)
        for (index, format) in formats.enumerated() where content.row + index < content.bottom {
            let text =
                " \(index + 1)  " + DisplayWidth.padded(ExportMenu.label(of: format), to: 20) + " ."
                + format.fileExtension
            let style = index == selection ? theme[.selection] : theme[.promptText]
            grid.fill(row: content.row + index, col: content.col, count: content.cols, style: style)
            grid.write(text, row: content.row + index, col: content.col, style: style, limit: content.right)
        }
    }

    /// A box in the prompt's colours with `title` on its border; returns the room inside.
    private func drawPanel(_ rect: CellRect, title: String, theme: Theme, into grid: inout CellGrid) -> CellRect {
        grid.drawBox(
            rect,
            border: theme[.promptBorder],
            inside: theme[.promptText],
            title: title,
            titleStyle: theme[.promptTitle]
        )
        return CellGrid.contentRect(of: rect)
    }
}
