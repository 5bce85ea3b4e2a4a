extension CellGrid {
    /// Draws a bordered box over whatever is below it and clears its inside.
    ///
    /// Overlays (prompts, help, menus, the summary) are boxes drawn last, so the timeline
    /// under them keeps updating and reappears as soon as they close.
    /// - Parameters:
    ///   - rect: The box including its border; needs at least 2 × 2 cells.
    ///   - title: Shown in the top border, cut to fit.
    mutating func drawBox(_ rect: CellRect, border: CellStyle, inside: CellStyle, title: String?, titleStyle: CellStyle)
    {
        guard rect.rows >= 2, rect.cols >= 2 else { return }
        for row in rect.row..<rect.bottom {
            fill(row: row, col: rect.col, count: rect.cols, style: inside)
        }
        let horizontal = String(repeating: "─", count: rect.cols - 2)
        write("┌" + horizontal + "┐", row: rect.row, col: rect.col, style: border)
        write("└" + horizontal + "┘", row: rect.bottom - 1, col: rect.col, style: border)
        for row in (rect.row + 1)..<(rect.bottom - 1) {
            write("│", row: row, col: rect.col, style: border)
            write("│", row: row, col: rect.right - 1, style: border)
        }
        if let title, rect.cols > 6 {
            let text = " " + DisplayWidth.truncate(title, to: rect.cols - 6) + " "
            write(text, row: rect.row, col: rect.col + 2, style: titleStyle)
        }
    }

    /// The inside of a box drawn at `rect`, with one column of padding left and right.
    static func contentRect(of rect: CellRect) -> CellRect {
        CellRect(row: rect.row + 1, col: rect.col + 2, rows: rect.rows - 2, cols: rect.cols - 4)
    }
}
