import Foundation

/// Eigenvalues (ascending) and, when asked for, eigenvectors of a real symmetric matrix.
///
/// Householder reduction to tridiagonal form, then the QL algorithm with implicit shifts: the
/// textbook method (Wilkinson and Reinsch's tred2/tql2), O(n³), exact to rounding. Spectral
/// clustering of a recording's voice prints needs it for a few hundred windows; Core takes
/// no C library, and LAPACK for one call would be a system dependency more.
public struct SymmetricEigen: Sendable {
    /// The eigenvalues, smallest first.
    public let values: [Double]
    /// `vectors[k]` is the unit eigenvector of `values[k]`; empty when not asked for.
    public let vectors: [[Double]]

    /// Decomposes the symmetric `matrix` (only its symmetry is assumed, not checked).
    public init(_ matrix: [[Double]], vectors wantsVectors: Bool = true) {
        let n = matrix.count
        guard n > 0 else {
            values = []
            vectors = []
            return
        }
        var work = Tridiagonal(matrix)
        work.reduce(accumulating: wantsVectors)
        work.diagonalize(rotatingVectors: wantsVectors)
        let order = (0..<n).sorted { work.diagonal[$0] < work.diagonal[$1] }
        values = order.map { work.diagonal[$0] }
        vectors = wantsVectors ? order.map { column in (0..<n).map { work.q[$0 * n + column] } } : []
    }
}

/// The working state: `q` (row-major n×n) ends as the eigenvector matrix, `diagonal` as the
/// eigenvalues, `offDiagonal` as the tridiagonal's sub-diagonal on the way.
private struct Tridiagonal {
    let n: Int
    var q: [Double]
    var diagonal: [Double]
    var offDiagonal: [Double]

    init(_ matrix: [[Double]]) {
        n = matrix.count
        q = matrix.flatMap { $0 }
        diagonal = [Double](repeating: 0, count: n)
        offDiagonal = [Double](repeating: 0, count: n)
    }

    /// Householder reduction to tridiagonal form; with `accumulating`, `q` ends as the
    /// orthogonal transformation that did it.
    mutating func reduce(accumulating: Bool) {
        for j in 0..<n { diagonal[j] = q[(n - 1) * n + j] }
        for i in stride(from: n - 1, to: 0, by: -1) {
            var scale = 0.0
            var h = 0.0
            for k in 0..<i { scale += abs(diagonal[k]) }
            if scale == 0 {
                offDiagonal[i] = diagonal[i - 1]
                for j in 0..<i {
                    diagonal[j] = q[(i - 1) * n + j]
                    q[i * n + j] = 0
                    q[j * n + i] = 0
                }
            } else {
                for k in 0..<i {
                    diagonal[k] /= scale
                    h += diagonal[k] * diagonal[k]
                }
                var f = diagonal[i - 1]
                var g = f > 0 ? -h.squareRoot() : h.squareRoot()
                offDiagonal[i] = scale * g
                h -= f * g
                diagonal[i - 1] = f - g
                for j in 0..<i { offDiagonal[j] = 0 }
                for j in 0..<i {
                    f = diagonal[j]
                    q[j * n + i] = f
                    g = offDiagonal[j] + q[j * n + j] * f
                    var k = j + 1
                    while k < i {
                        g += q[k * n + j] * diagonal[k]
                        offDiagonal[k] += q[k * n + j] * f
                        k += 1
                    }
                    offDiagonal[j] = g
                }
                f = 0
                for j in 0..<i {
                    offDiagonal[j] /= h
                    f += offDiagonal[j] * diagonal[j]
                }
                let hh = f / (h + h)
                for j in 0..<i { offDiagonal[j] -= hh * diagonal[j] }
                for j in 0..<i {
                    f = diagonal[j]
                    g = offDiagonal[j]
                    for k in j..<i { q[k * n + j] -= f * offDiagonal[k] + g * diagonal[k] }
                    diagonal[j] = q[(i - 1) * n + j]
                    q[i * n + j] = 0
                }
            }
            diagonal[i] = h
        }
        offDiagonal[0] = 0
        guard accumulating else {
            // The tridiagonal's diagonal stays on q's diagonal.
            for j in 0..<n { diagonal[j] = q[j * n + j] }
            return
        }
        accumulate()
        // `accumulate` parked the diagonal in q's last row.
        for j in 0..<n {
            diagonal[j] = q[(n - 1) * n + j]
            q[(n - 1) * n + j] = 0
        }
        q[(n - 1) * n + (n - 1)] = 1
    }

    /// Builds the orthogonal transformation from the Householder vectors left in `q`.
    private mutating func accumulate() {
        for i in 0..<(n - 1) {
            q[(n - 1) * n + i] = q[i * n + i]
            q[i * n + i] = 1
            let h = diagonal[i + 1]
            if h != 0 {
                for k in 0...i { diagonal[k] = q[k * n + i + 1] / h }
                for j in 0...i {
                    var g = 0.0
                    for k in 0...i { g += q[k * n + i + 1] * q[k * n + j] }
                    for k in 0...i { q[k * n + j] -= g * diagonal[k] }
                }
            }
            for k in 0...i { q[k * n + i + 1] = 0 }
        }
    }

    /// The QL algorithm with implicit shifts on the tridiagonal matrix; with
    /// `rotatingVectors`, the rotations are applied to `q`.
    mutating func diagonalize(rotatingVectors: Bool) {
        for i in 1..<n { offDiagonal[i - 1] = offDiagonal[i] }
        offDiagonal[n - 1] = 0
        var shift = 0.0
        var largest = 0.0
        let epsilon = Double.ulpOfOne
        for l in 0..<n {
            largest = max(largest, abs(diagonal[l]) + abs(offDiagonal[l]))
            var m = l
            while m < n, abs(offDiagonal[m]) > epsilon * largest { m += 1 }
            if m > l {
                repeat {
                    var g = diagonal[l]
                    var p = (diagonal[l + 1] - g) / (2 * offDiagonal[l])
                    var r = (p * p + 1).squareRoot()
                    if p < 0 { r = -r }
                    diagonal[l] = offDiagonal[l] / (p + r)
                    diagonal[l + 1] = offDiagonal[l] * (p + r)
                    let next = diagonal[l + 1]
                    var h = g - diagonal[l]
                    var i = l + 2
                    while i < n {
                        diagonal[i] -= h
                        i += 1
                    }
                    shift += h
                    p = diagonal[m]
                    var c = 1.0
                    var c2 = c
                    var c3 = c
                    let following = offDiagonal[l + 1]
                    var s = 0.0
                    var s2 = 0.0
                    for i in stride(from: m - 1, through: l, by: -1) {
                        c3 = c2
                        c2 = c
                        s2 = s
                        g = c * offDiagonal[i]
                        h = c * p
                        r = (p * p + offDiagonal[i] * offDiagonal[i]).squareRoot()
                        offDiagonal[i + 1] = s * r
                        s = offDiagonal[i] / r
                        c = p / r
                        p = c * diagonal[i] - s * g
                        diagonal[i + 1] = h + s * (c * g + s * diagonal[i])
                        if rotatingVectors {
                            for k in 0..<n {
                                h = q[k * n + i + 1]
                                q[k * n + i + 1] = s * q[k * n + i] + c * h
                                q[k * n + i] = c * q[k * n + i] - s * h
                            }
                        }
                    }
                    p = -s * s2 * c3 * following * offDiagonal[l] / next
                    offDiagonal[l] = s * p
                    diagonal[l] = c * p
                } while abs(offDiagonal[l]) > epsilon * largest
            }
            diagonal[l] += shift
            offDiagonal[l] = 0
        }
    }
}
