/// The whole screen as rows of cells: what the pure renderer produces and a terminal draws.
///
/// Writing keeps the grid consistent: a wide character never straddles the right edge or
/// the end of a clipped region, and overwriting half of a wide character blanks its other
/// half, so overlays drawn on top of CJK text leave no stray halves behind.
public struct CellGrid: Hashable, Sendable {
    public let size: TerminalSize
    /// Row-major cells, `size.rows × size.cols`.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor belongs (a text field being typed into), or `nil` to hide it.
    public var cursor: CellPosition?

    public init(size: TerminalSize, fill: Cell = .blank()) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.rows * size.cols)
    }

    public var rows: Int { size.rows }
    public var cols: Int { size.cols }

    public subscript(row: Int, col: Int) -> Cell {
        cells[row * size.cols + col]
    }

    /// The cells of one row.
    public func row(_ row: Int) -> ArraySlice<Cell> {
        cells[(row * size.cols)..<((row + 1) * size.cols)]
    }

    /// The characters of one row, continuation cells skipped, trailing spaces kept.
    public func line(_ row: Int) -> String {
        self.row(row).reduce(into: "") { text, cell in text += cell.character }
    }

    /// Every row joined by newlines with trailing spaces trimmed: what tests compare.
    public var text: String {
        (0..<size.rows).map { row in
            var line = Substring(self.line(row))
            while line.last == " " { line.removeLast() }
            return String(line)
        }.joined(separator: "\n")
    }

    /// Paints `count` cells of `row` from `col` with spaces in `style`.
    public mutating func fill(row: Int, col: Int = 0, count: Int? = nil, style: CellStyle) {
        guard (0..<size.rows).contains(row) else { return }
        let start = max(0, col)
        let end = min(size.cols, col + (count ?? size.cols))
        for column in start..<max(start, end) {
            set(Cell.blank(style), row: row, col: column)
        }
    }

    /// Writes `text` at (`row`, `col`), clipped before column `limit` (the right edge by default).
    ///
    /// - Returns: The column after the last cell written.
    @discardableResult
    public mutating func write(_ text: String, row: Int, col: Int, style: CellStyle, limit: Int? = nil) -> Int {
        guard (0..<size.rows).contains(row) else { return col }
        let end = min(size.cols, limit ?? size.cols)
        var column = col
        for character in text {
            let width = DisplayWidth.of(character)
            guard width > 0 else { continue }
            if column + width > end {
                // Never split a wide character: pad the rest of the region instead.
                while column < end {
                    if column >= 0 { set(Cell.blank(style), row: row, col: column) }
                    column += 1
                }
                break
            }
            if column >= 0 {
                set(Cell(character: String(character), width: width, style: style), row: row, col: column)
                if width == 2 { set(Cell(character: "", width: 0, style: style), row: row, col: column + 1) }
            }
            column += width
        }
        return column
    }

    /// Stores `cell`, blanking the other half of any wide character it overwrites.
    private mutating func set(_ cell: Cell, row: Int, col: Int) {
        guard (0..<size.cols).contains(col) else { return }
        let index = row * size.cols + col
        let old = cells[index]
        if old.isContinuation, col > 0, cell.width != 0 || cells[index - 1].width != 2 {
            cells[index - 1] = Cell.blank(cells[index - 1].style)
        }
        if old.width == 2, cell.width != 2, col + 1 < size.cols {
            cells[index + 1] = Cell.blank(old.style)
        }
        cells[index] = cell
    }
}
