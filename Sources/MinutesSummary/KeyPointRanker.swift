/// Chooses the key points of a meeting: central sentences that together cover what was discussed.
///
/// Centrality is TextRank over TF-IDF cosine similarity: a sentence matters when it shares words
/// with many sentences that matter. Coverage comes from maximal marginal relevance: each next pick
/// trades its centrality against its similarity to the points already picked, so the summary does
/// not repeat its best topic five times.
struct KeyPointRanker: Sendable {
    /// A sentence with its score.
    struct Ranked: Hashable, Sendable {
        let sentence: Int
        let score: Double
    }

    /// Weight of centrality against novelty when picking the next point (1 ignores novelty).
    var lambda = 0.7
    /// Candidates this similar to a picked point are repeats and never picked.
    var repeatThreshold = 0.55
    var damping = 0.85
    var iterations = 40

    /// TextRank centrality of every sentence, normalized so the most central scores 1.
    func centrality(of vectors: TermVectors) -> [Double] {
        let count = vectors.vectors.count
        guard count > 0 else { return [] }
        let edges = similarityGraph(vectors)
        let outWeight = edges.map { $0.reduce(0) { $0 + $1.weight } }
        var rank = [Double](repeating: 1 / Double(count), count: count)
        for _ in 0..<iterations {
            var next = [Double](repeating: (1 - damping) / Double(count), count: count)
            for source in 0..<count where outWeight[source] > 0 {
                let share = damping * rank[source] / outWeight[source]
                for edge in edges[source] {
                    next[edge.target] += share * edge.weight
                }
            }
            var delta = 0.0
            for index in 0..<count { delta += abs(next[index] - rank[index]) }
            rank = next
            if delta < 1e-9 { break }
        }
        let top = rank.max() ?? 1
        return rank.map { top > 0 ? $0 / top : 0 }
    }

    /// The `count` key points among `candidates`, most important first.
    func pick(_ count: Int, from candidates: [Int], scores: [Double], vectors: TermVectors) -> [Ranked] {
        var remaining = candidates.filter { scores[$0] > 0 }
        var picked: [Ranked] = []
        let best = remaining.map { scores[$0] }.max() ?? 1
        while picked.count < count, !remaining.isEmpty {
            var choice: (position: Int, value: Double)?
            for (position, candidate) in remaining.enumerated() {
                let overlap = picked.map { vectors.similarity(candidate, $0.sentence) }.max() ?? 0
                if overlap >= repeatThreshold { continue }
                let value = lambda * scores[candidate] / best - (1 - lambda) * overlap
                if choice == nil || value > (choice?.value ?? 0) + 1e-12 {
                    choice = (position, value)
                }
            }
            guard let choice else { break }
            let sentence = remaining.remove(at: choice.position)
            picked.append(Ranked(sentence: sentence, score: scores[sentence]))
        }
        return picked
    }

    /// Sparse similarity edges, built from an inverted index so only sentences that share a term
    /// are ever compared: cheap even for an hour of talk.
    private func similarityGraph(_ vectors: TermVectors) -> [[(target: Int, weight: Double)]] {
        let count = vectors.vectors.count
        var postings = [[(sentence: Int, weight: Double)]](repeating: [], count: vectors.terms.count)
        for (sentence, vector) in vectors.vectors.enumerated() {
            for entry in vector { postings[entry.term].append((sentence, entry.weight)) }
        }
        var edges = [[(target: Int, weight: Double)]](repeating: [], count: count)
        var accumulator = [Double](repeating: 0, count: count)
        var touched: [Int] = []
        for source in 0..<count {
            for entry in vectors.vectors[source] {
                for posting in postings[entry.term] where posting.sentence != source {
                    if accumulator[posting.sentence] == 0 { touched.append(posting.sentence) }
                    accumulator[posting.sentence] += entry.weight * posting.weight
                }
            }
            touched.sort()
            for target in touched {
                if accumulator[target] > 0.05 { edges[source].append((target, accumulator[target])) }
                accumulator[target] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return edges
    }
}
