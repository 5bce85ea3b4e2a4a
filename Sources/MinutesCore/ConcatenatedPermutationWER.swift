/// cpWER, the concatenated minimum-permutation word error rate of CHiME-6 and MeetEval: each
/// speaker's words are joined in time order, reference speakers are paired with hypothesis
/// speakers so that the total errors are fewest, and an unpaired speaker's words all count
/// (as deletions or insertions).
///
/// Plain WER forgives a word said by the right voice and printed under the wrong one; cpWER
/// counts it twice (a deletion for one speaker, an insertion for the other), so the gap
/// between the two is what attribution costs a reader.
public struct ConcatenatedPermutationWER: Sendable, Equatable {
    /// Errors and reference words summed over the best pairing.
    public var errors: WordErrorRate
    /// Which hypothesis speaker each reference speaker was paired with (nil: none).
    public var pairing: [String: String?]

    public var rate: Double { errors.rate }

    /// Scores `hypothesis` against `reference`, both as each speaker's words in time order.
    public static func measure(reference: [String: String], hypothesis: [String: String]) -> ConcatenatedPermutationWER
    {
        let references = reference.keys.sorted()
        let hypotheses = hypothesis.keys.sorted()
        // Square: a missing partner is the empty transcript.
        let size = max(references.count, hypotheses.count)
        var pairs = [[WordErrorRate]](repeating: [], count: size)
        for row in 0..<size {
            let spoken = row < references.count ? reference[references[row]] ?? "" : ""
            pairs[row] = (0..<size).map { column in
                WordErrorRate.measure(
                    reference: spoken,
                    hypothesis: column < hypotheses.count ? hypothesis[hypotheses[column]] ?? "" : ""
                )
            }
        }
        guard size > 0 else { return ConcatenatedPermutationWER(errors: .zero, pairing: [:]) }
        let costs = pairs.map { $0.map { Double($0.substitutions + $0.deletions + $0.insertions) } }
        // Finite and square by construction.
        let assignment = try! HungarianAssignment(minimizing: costs)
        var total = WordErrorRate.zero
        var pairing: [String: String?] = [:]
        for (row, column) in assignment.columns.enumerated() {
            guard let column else { continue }
            total = total + pairs[row][column]
            if row < references.count {
                pairing[references[row]] = column < hypotheses.count ? hypotheses[column] : nil
            }
        }
        return ConcatenatedPermutationWER(errors: total, pairing: pairing)
    }
}
