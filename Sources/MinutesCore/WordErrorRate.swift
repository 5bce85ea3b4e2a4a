/// Word error rate: (substitutions + deletions + insertions) / reference words, after the
/// usual normalization (case, punctuation, spelled-out numbers), as ASR evaluations report it.
public struct WordErrorRate: Sendable, Equatable {
    public var substitutions: Int
    public var deletions: Int
    public var insertions: Int
    public var referenceWords: Int

    /// The error rate, 0 for a perfect transcript (and for an empty reference with no output).
    public var rate: Double {
        guard referenceWords > 0 else { return errors == 0 ? 0 : 1 }
        return Double(errors) / Double(referenceWords)
    }

    public var errors: Int { substitutions + deletions + insertions }

    /// Sums counts over several files, so the overall rate weighs each word equally.
    public static func + (lhs: WordErrorRate, rhs: WordErrorRate) -> WordErrorRate {
        WordErrorRate(
            substitutions: lhs.substitutions + rhs.substitutions,
            deletions: lhs.deletions + rhs.deletions,
            insertions: lhs.insertions + rhs.insertions,
            referenceWords: lhs.referenceWords + rhs.referenceWords
        )
    }

    public static let zero = WordErrorRate(substitutions: 0, deletions: 0, insertions: 0, referenceWords: 0)

    /// Aligns `hypothesis` against `reference` with a minimum edit distance over normalized words.
    public static func measure(reference: String, hypothesis: String) -> WordErrorRate {
        let ref = TranscriptNormalizer.words(reference)
        let hyp = TranscriptNormalizer.words(hypothesis)
        // cost[j] holds (total, substitutions, deletions, insertions) for ref prefix i, hyp prefix j.
        var previous = (0...hyp.count).map { (cost: $0, sub: 0, del: 0, ins: $0) }
        for i in 1...max(1, ref.count) where !ref.isEmpty {
            var current = [(cost: i, sub: 0, del: i, ins: 0)]
            for j in 1...max(1, hyp.count) where !hyp.isEmpty {
                let same = ref[i - 1] == hyp[j - 1]
                let diagonal = previous[j - 1]
                var best = (
                    cost: diagonal.cost + (same ? 0 : 1), sub: diagonal.sub + (same ? 0 : 1), del: diagonal.del,
                    ins: diagonal.ins
                )
                let up = previous[j]
                if up.cost + 1 < best.cost { best = (up.cost + 1, up.sub, up.del + 1, up.ins) }
                let left = current[j - 1]
                if left.cost + 1 < best.cost { best = (left.cost + 1, left.sub, left.del, left.ins + 1) }
                current.append(best)
            }
            previous = current
        }
        let result = previous[hyp.count]
        return WordErrorRate(
            substitutions: result.sub,
            deletions: result.del,
            insertions: result.ins,
            referenceWords: ref.count
        )
    }
}
