extension CellGrid {
    /// The rows that differ from `previous`, so a terminal renderer redraws only those.
    ///
    /// A different size (or no previous frame) means every row: after a resize the terminal
    /// must be cleared and repainted, or cells of the old layout stay on screen.
    public func changedRows(since previous: CellGrid?) -> [Int] {
        guard let previous, previous.size == size else { return Array(0..<size.rows) }
        return (0..<size.rows).filter { self.row($0) != previous.row($0) }
    }
}
