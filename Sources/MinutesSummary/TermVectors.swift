import Foundation

/// TF-IDF vectors of the meeting's sentences over their content stems.
///
/// Terms get integer ids in order of first appearance and every vector is a sorted array, so sums
/// run in the same order on every run; iterating a `Dictionary` would not, and floating-point sums
/// in a different order can break ties differently, which would make summaries flicker.
struct TermVectors: Sendable {
    /// For each sentence, `(term id, weight)` sorted by term id, L2-normalized.
    let vectors: [[(term: Int, weight: Double)]]
    /// The stem of each term id.
    let terms: [String]

    init(sentences: [Sentence]) {
        var ids: [String: Int] = [:]
        var terms: [String] = []
        var counts: [[Int: Int]] = []
        counts.reserveCapacity(sentences.count)
        for sentence in sentences {
            var local: [Int: Int] = [:]
            for stem in Stemmer.contentStems(sentence.tokens) {
                let id: Int
                if let known = ids[stem] {
                    id = known
                } else {
                    id = terms.count
                    ids[stem] = id
                    terms.append(stem)
                }
                local[id, default: 0] += 1
            }
            counts.append(local)
        }
        var frequency = [Int](repeating: 0, count: terms.count)
        for local in counts {
            for id in local.keys { frequency[id] += 1 }
        }
        let total = Double(max(1, sentences.count))
        vectors = counts.map { local in
            let weighted = local.keys.sorted().map { id -> (term: Int, weight: Double) in
                let tf = 1 + log(Double(local[id] ?? 1))
                let idf = log((total + 1) / (Double(frequency[id]) + 1)) + 1
                return (id, tf * idf)
            }
            let norm = sqrt(weighted.reduce(0) { $0 + $1.weight * $1.weight })
            guard norm > 0 else { return [] }
            return weighted.map { ($0.term, $0.weight / norm) }
        }
        self.terms = terms
    }

    /// Cosine similarity of two sentences (their vectors are normalized).
    func similarity(_ first: Int, _ second: Int) -> Double {
        let a = vectors[first]
        let b = vectors[second]
        var i = 0
        var j = 0
        var sum = 0.0
        while i < a.count, j < b.count {
            if a[i].term == b[j].term {
                sum += a[i].weight * b[j].weight
                i += 1
                j += 1
            } else if a[i].term < b[j].term {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
