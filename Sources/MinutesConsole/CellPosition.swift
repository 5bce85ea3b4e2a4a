/// A cell on the screen, counted from the top-left corner (0, 0).
public struct CellPosition: Hashable, Sendable {
    public var row: Int
    public var col: Int

    public init(row: Int, col: Int) {
        self.row = row
        self.col = col
    }
}
