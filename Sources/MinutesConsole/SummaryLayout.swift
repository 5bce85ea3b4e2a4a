/// The summary pane's geometry and wrapped lines, shared by the renderer and the state
/// machine (which clamps scrolling to them).
struct SummaryLayout {
    /// The pane, with a two-column margin over the timeline.
    let rect: CellRect
    let content: CellRect

    init(timeline: CellRect) {
        rect = CellRect(row: timeline.row, col: timeline.col + 2, rows: timeline.rows, cols: timeline.cols - 4)
        content = CellGrid.contentRect(of: rect)
    }

    /// `lines` wrapped to the pane, bullets with a hanging indent.
    func wrapped(_ lines: [String]) -> [String] {
        lines.flatMap { line -> [String] in
            let clean = DisplayWidth.sanitized(line)
            let indent = clean.hasPrefix("• ") ? "  " : ""
            let wrapped = TextWrapper.wrap(String(clean.dropFirst(indent.count)), width: content.cols - indent.count)
            return wrapped.enumerated().map { index, text in
                index == 0 ? String(clean.prefix(indent.count)) + text : indent + text
            }
        }
    }

    /// The largest useful scroll offset for `lines`.
    func maximumScroll(_ lines: [String]) -> Int {
        max(0, wrapped(lines).count - content.rows)
    }
}
