/// A rectangle of cells: a screen region or an overlay box.
public struct CellRect: Hashable, Sendable {
    public var row: Int
    public var col: Int
    public var rows: Int
    public var cols: Int

    public init(row: Int, col: Int, rows: Int, cols: Int) {
        self.row = row
        self.col = col
        self.rows = max(0, rows)
        self.cols = max(0, cols)
    }

    /// The row after the last one.
    public var bottom: Int { row + rows }
    /// The column after the last one.
    public var right: Int { col + cols }

    /// A `rows × cols` rectangle centred in this one (clamped to fit).
    public func centered(rows: Int, cols: Int) -> CellRect {
        let height = min(rows, self.rows)
        let width = min(cols, self.cols)
        return CellRect(
            row: row + (self.rows - height) / 2,
            col: col + (self.cols - width) / 2,
            rows: height,
            cols: width
        )
    }
}
