import Foundation

/// Groups voice prints into speakers and decides how many there are from the recording
/// itself: spectral clustering with the normalized maximum eigengap (NME-SC; Park et al.,
/// "Auto-tuning spectral clustering for speaker diarization using normalized maximum
/// eigengap", 2019; the clustering of NeMo's diarizer).
///
/// No similarity threshold is fitted to a corpus. The affinity graph keeps each print's `p`
/// most similar neighbours; for each candidate `p` the graph Laplacian's largest eigengap
/// among the first eigenvalues says how clearly the prints fall into groups, and the `p`
/// whose gap is largest relative to how many neighbours it took wins. Phone audio, where all
/// prints sit closer together than in a meeting room, and a room with a far microphone get
/// the same treatment, because only the ranking of similarities within the recording counts.
public struct SpectralSpeakerClustering: Sendable {
    /// The fewest and most speakers to consider when the count is not given.
    public var speakers: ClosedRange<Int>
    /// The largest share of the prints one print may link to (NeMo's `max_rp_threshold`).
    public var largestNeighbourShare: Double
    /// How many neighbour counts to try at most.
    public var neighbourCandidates: Int

    public init(speakers: ClosedRange<Int> = 1...8, largestNeighbourShare: Double = 0.25, neighbourCandidates: Int = 30)
    {
        self.speakers = speakers
        self.largestNeighbourShare = largestNeighbourShare
        self.neighbourCandidates = neighbourCandidates
    }

    /// A cluster index (0-based, in order of first appearance) for each of `prints`.
    /// - Parameter count: the number of speakers when known; it overrides `speakers`.
    /// - Parameter spans: when given, the time each print covers: prints whose audio overlaps
    ///   are never each other's neighbours (shared samples make them alike whoever speaks).
    public func cluster(_ prints: [[Float]], count: Int? = nil, spans: [ClosedRange<Double>]? = nil) -> [Int] {
        let n = prints.count
        guard n > 1 else { return [Int](repeating: 0, count: n) }
        var affinity = Self.scaledCosineAffinity(prints)
        if let spans, spans.count == n {
            for i in 0..<n {
                for j in 0..<n
                where i != j && spans[i].overlaps(spans[j]) && spans[i].upperBound != spans[j].lowerBound
                    && spans[j].upperBound != spans[i].lowerBound
                {
                    affinity[i][j] = -1
                }
            }
        }
        let range = clampedRange(count: count, prints: n)
        guard range.upperBound > 1 else { return [Int](repeating: 0, count: n) }
        var best: (score: Double, neighbours: Int)?
        for neighbours in neighbourCounts(prints: n) {
            let laplacian = Self.laplacian(of: Self.pruned(affinity, keeping: neighbours))
            let values = SymmetricEigen(laplacian, vectors: false).values
            let gaps = Self.gaps(values, upTo: range.upperBound)
            guard let largest = gaps.max(), let top = values.last, top > 0 else { continue }
            let score = (Double(neighbours) / Double(n)) / (largest / top + 1e-10)
            if best == nil || score < best!.score { best = (score, neighbours) }
        }
        let neighbours = best?.neighbours ?? max(1, n / 4)
        let decomposition = SymmetricEigen(Self.laplacian(of: Self.pruned(affinity, keeping: neighbours)))
        let gaps = Self.gaps(decomposition.values, upTo: range.upperBound)
        let speakers =
            range.lowerBound == range.upperBound
            ? range.lowerBound
            : (range.lowerBound...range.upperBound).max { gaps[$0 - 1] < gaps[$1 - 1] } ?? 1
        guard speakers > 1 else { return [Int](repeating: 0, count: n) }
        let embedding = (0..<n).map { row in (0..<speakers).map { decomposition.vectors[$0][row] } }
        return Self.firstAppearanceOrder(KMeans(clusters: speakers).assign(embedding))
    }

    /// The speaker range, within what `n` prints can hold: a given count wins.
    private func clampedRange(count: Int?, prints n: Int) -> ClosedRange<Int> {
        if let count { return min(max(1, count), n)...min(max(1, count), n) }
        let upper = min(max(1, speakers.upperBound), n - 1)
        return min(max(1, speakers.lowerBound), upper)...upper
    }

    /// The neighbour counts to try: 1 up to the largest share of `n`, at most
    /// `neighbourCandidates` of them, evenly spread.
    private func neighbourCounts(prints n: Int) -> [Int] {
        let most = max(1, Int((Double(n) * largestNeighbourShare).rounded(.down)))
        let step = max(1, Int((Double(most) / Double(neighbourCandidates)).rounded(.up)))
        return Array(stride(from: 1, through: most, by: step))
    }

    /// Cosine similarity of every pair, scaled to 0…1 over the recording (min-max), so that
    /// only the order of similarities matters, not where the recording's channel puts them.
    static func scaledCosineAffinity(_ prints: [[Float]]) -> [[Double]] {
        let unit = prints.map { print -> [Double] in
            let norm = print.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            return print.map { norm > 0 ? Double($0) / norm : 0 }
        }
        let n = unit.count
        var similarity = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        var low = Double.infinity
        var high = -Double.infinity
        for i in 0..<n {
            for j in i..<n {
                var dot = 0.0
                for d in unit[i].indices { dot += unit[i][d] * unit[j][d] }
                similarity[i][j] = dot
                similarity[j][i] = dot
                low = min(low, dot)
                high = max(high, dot)
            }
        }
        let span = high - low
        guard span > 0 else { return similarity.map { $0.map { _ in 1 } } }
        return similarity.map { $0.map { ($0 - low) / span } }
    }

    /// Each row keeps its `neighbours` largest entries as 1, the rest 0; then symmetrized.
    static func pruned(_ affinity: [[Double]], keeping neighbours: Int) -> [[Double]] {
        let n = affinity.count
        var binary = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            let strongest = affinity[i].indices.sorted { affinity[i][$0] > affinity[i][$1] }.prefix(neighbours)
            for j in strongest { binary[i][j] = 1 }
        }
        for i in 0..<n {
            for j in (i + 1)..<n {
                let mean = (binary[i][j] + binary[j][i]) / 2
                binary[i][j] = mean
                binary[j][i] = mean
            }
        }
        return binary
    }

    /// The unnormalized graph Laplacian D − A of an affinity with its diagonal ignored.
    static func laplacian(of affinity: [[Double]]) -> [[Double]] {
        let n = affinity.count
        var laplacian = affinity.map { $0.map { -$0 } }
        for i in 0..<n {
            var degree = 0.0
            for j in 0..<n where j != i { degree += affinity[i][j] }
            laplacian[i][i] = degree
        }
        return laplacian
    }

    /// `gaps[k - 1]` is the gap after the k-th smallest eigenvalue, for k = 1…`most`.
    static func gaps(_ values: [Double], upTo most: Int) -> [Double] {
        (0..<min(most, values.count - 1)).map { values[$0 + 1] - values[$0] }
    }

    /// Renumbers labels so that the first print's cluster is 0, the next new one 1, and so on.
    static func firstAppearanceOrder(_ labels: [Int]) -> [Int] {
        var renamed: [Int: Int] = [:]
        return labels.map { label in
            if let known = renamed[label] { return known }
            renamed[label] = renamed.count
            return renamed.count - 1
        }
    }
}
