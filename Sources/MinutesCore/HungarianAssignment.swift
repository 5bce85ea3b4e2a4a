/// An optimal one-to-one assignment of rows to columns of a cost matrix, found by the Hungarian algorithm.
///
/// Diarization scoring needs the speaker mapping that maximizes overlap (DER) or Jaccard similarity (JER);
/// a greedy mapping can be arbitrarily worse, and trying every permutation is factorial. This is Kuhn–Munkres
/// in its shortest-augmenting-path form with row and column potentials, O(r²·c) for r ≤ c, so a few hundred
/// clusters against a few dozen speakers stay instant.
/// Rectangular matrices are allowed: when there are more rows than columns the matrix is transposed, and the
/// rows left over stay unassigned.
public struct HungarianAssignment: Sendable, Equatable {
    /// For each row, the column assigned to it, or `nil` for the rows left over when rows outnumber columns.
    public let columns: [Int?]
    /// The sum of the matrix entries at the assigned positions, in the matrix as given (weights when
    /// maximizing, costs when minimizing).
    public let total: Double

    /// Finds the assignment with the smallest total cost.
    ///
    /// - Parameter costs: A matrix as an array of rows, all of the same length; entries must be finite.
    /// - Throws: ``MinutesError`` `.invalidInput` when rows differ in length or an entry is NaN or infinite.
    public init(minimizing costs: [[Double]]) throws(MinutesError) {
        try Self.validate(costs)
        self.init(uncheckedMinimizing: costs)
    }

    /// Finds the assignment with the largest total weight, such as the speaker mapping with the most overlap.
    ///
    /// - Parameter weights: A matrix as an array of rows, all of the same length; entries must be finite.
    /// - Throws: ``MinutesError`` `.invalidInput` when rows differ in length or an entry is NaN or infinite.
    public init(maximizing weights: [[Double]]) throws(MinutesError) {
        try Self.validate(weights)
        self.init(uncheckedMaximizing: weights)
    }

    /// Maximizes over a matrix the caller built itself and knows to be rectangular and finite.
    init(uncheckedMaximizing weights: [[Double]]) {
        let assignment = Self(uncheckedMinimizing: weights.map { row in row.map { -$0 } })
        columns = assignment.columns
        total = -assignment.total
    }

    /// Minimizes over a matrix the caller knows to be rectangular and finite.
    init(uncheckedMinimizing costs: [[Double]]) {
        let rowCount = costs.count
        let columnCount = costs.first?.count ?? 0
        guard rowCount > 0, columnCount > 0 else {
            columns = Array(repeating: nil, count: rowCount)
            total = 0
            return
        }
        var assigned = [Int?](repeating: nil, count: rowCount)
        if rowCount <= columnCount {
            for (column, row) in Self.solve(costs).enumerated() where row >= 0 {
                assigned[row] = column
            }
        } else {
            let transposed = (0..<columnCount).map { column in costs.map { $0[column] } }
            // Rows of the transposed matrix are our columns, so its answer is already indexed by our rows.
            for (row, column) in Self.solve(transposed).enumerated() where column >= 0 {
                assigned[row] = column
            }
        }
        columns = assigned
        total = zip(costs, assigned).reduce(0) { sum, pair in
            guard let column = pair.1 else { return sum }
            return sum + pair.0[column]
        }
    }

    /// The core algorithm for a matrix with no more rows than columns.
    ///
    /// Rows are added one at a time; each addition grows a shortest augmenting path (Dijkstra on reduced
    /// costs `cost - u[row] - v[column]`, which stay non-negative) from the new row to a free column, then flips
    /// the path. Index 0 of `u`, `v`, `owner` and `previous` is a virtual column that holds the row being
    /// added, which keeps the loop free of special cases.
    ///
    /// - Returns: For each column, the row assigned to it, or -1 when it is free.
    private static func solve(_ costs: [[Double]]) -> [Int] {
        let rowCount = costs.count
        let columnCount = costs[0].count
        var u = [Double](repeating: 0, count: rowCount + 1)
        var v = [Double](repeating: 0, count: columnCount + 1)
        // owner[j]: 1-based row matched to column j (0 = none); previous[j]: the column before j on the path.
        var owner = [Int](repeating: 0, count: columnCount + 1)
        var previous = [Int](repeating: 0, count: columnCount + 1)
        for row in 1...rowCount {
            owner[0] = row
            var column = 0
            var slack = [Double](repeating: .infinity, count: columnCount + 1)
            var visited = [Bool](repeating: false, count: columnCount + 1)
            repeat {
                visited[column] = true
                let current = owner[column]
                var delta = Double.infinity
                var next = 0
                for candidate in 1...columnCount where !visited[candidate] {
                    let reduced = costs[current - 1][candidate - 1] - u[current] - v[candidate]
                    if reduced < slack[candidate] {
                        slack[candidate] = reduced
                        previous[candidate] = column
                    }
                    if slack[candidate] < delta {
                        delta = slack[candidate]
                        next = candidate
                    }
                }
                for candidate in 0...columnCount {
                    if visited[candidate] {
                        u[owner[candidate]] += delta
                        v[candidate] -= delta
                    } else {
                        slack[candidate] -= delta
                    }
                }
                column = next
            } while owner[column] != 0
            // Flip the augmenting path back to the virtual column.
            repeat {
                let before = previous[column]
                owner[column] = owner[before]
                column = before
            } while column != 0
        }
        return (1...columnCount).map { owner[$0] - 1 }
    }

    private static func validate(_ matrix: [[Double]]) throws(MinutesError) {
        let width = matrix.first?.count ?? 0
        for (index, row) in matrix.enumerated() {
            guard row.count == width else {
                throw MinutesError(
                    .invalidInput,
                    "assignment matrix row \(index + 1) has \(row.count) entries, expected \(width)"
                )
            }
            guard row.allSatisfy(\.isFinite) else {
                throw MinutesError(.invalidInput, "assignment matrix row \(index + 1) has a NaN or infinite entry")
            }
        }
    }
}
