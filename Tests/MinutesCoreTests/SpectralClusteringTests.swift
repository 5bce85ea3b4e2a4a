import Foundation
import Testing

@testable import MinutesCore

struct SpectralClusteringTests {
    @Test func eigenvaluesAndVectorsOfASymmetricMatrixAreExact() {
        // A known matrix: eigenvalues 2, 2 and 4
        let matrix: [[Double]] = [[2, 0, 0], [0, 3, 1], [0, 1, 3]]
        let eigen = SymmetricEigen(matrix)
        for (value, vector) in zip(eigen.values, eigen.vectors) {
            let product = matrix.map { row in zip(row, vector).reduce(0) { $0 + $1.0 * $1.1 } }
            for (left, right) in zip(product, vector.map { $0 * value }) {
                #expect(abs(left - right) < 1e-9)
            }
        }
        #expect(abs(eigen.values[0] - 2) < 1e-9 && abs(eigen.values[1] - 2) < 1e-9 && abs(eigen.values[2] - 4) < 1e-9)
        #expect(
            SymmetricEigen(matrix, vectors: false).values.map { ($0 * 1e6).rounded() }
                == eigen.values.map { ($0 * 1e6).rounded() }
        )
    }

    @Test func aRandomSymmetricMatrixIsReconstructedFromItsDecomposition() {
        var random = SplitMix64(seed: 7)
        let n = 12
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in i..<n {
                let value = Double(random.next() % 1000) / 100 - 5
                matrix[i][j] = value
                matrix[j][i] = value
            }
        }
        let eigen = SymmetricEigen(matrix)
        #expect(eigen.values == eigen.values.sorted())
        for (value, vector) in zip(eigen.values, eigen.vectors) {
            let product = matrix.map { row in zip(row, vector).reduce(0) { $0 + $1.0 * $1.1 } }
            for (left, right) in zip(product, vector.map { $0 * value }) {
                #expect(abs(left - right) < 1e-8)
            }
        }
        #expect(
            SymmetricEigen(matrix, vectors: false).values.enumerated().allSatisfy {
                abs($0.element - eigen.values[$0.offset]) < 1e-8
            }
        )
    }

    @Test func threeGroupsOfPrintsAreThreeSpeakers() {
        var random = SplitMix64(seed: 3)
        func noisy(_ centre: [Float]) -> [Float] {
            centre.map { $0 + Float(Double(random.next() % 1000) / 1000 - 0.5) * 0.6 }
        }
        let centres: [[Float]] = (0..<3).map { group in (0..<16).map { Float(($0 * 7 + group * 5) % 11) / 5 - 1 } }
        var prints: [[Float]] = []
        var truth: [Int] = []
        for index in 0..<60 {
            let group = (index / 5) % 3
            prints.append(noisy(centres[group]))
            truth.append(group)
        }
        let labels = SpectralSpeakerClustering().cluster(prints)
        #expect(Set(labels).count == 3, "\(labels)")
        let one = SpectralSpeakerClustering().cluster(
            prints.enumerated().filter { truth[$0.offset] == 0 }.map(\.element)
        )
        #expect(Set(one).count == 1, "\(one)")
    }
}
