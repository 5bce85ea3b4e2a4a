/// The merge history of voice prints clustered by average linkage, where prints of one group
/// (two local speakers of one segmentation window, which the model heard as two people)
/// count against joining.
///
/// A same-group pair enters the average as a similarity of ``sameGroupSimilarity`` (−10,
/// where different voices score about 0 and the same voice 0.5 to 0.9). Two clusters of
/// one voice (0.9 alike) join at 0.5 while fewer than about 4 % of the pairs between them
/// were heard apart in one window, so a window the segmentation model split by mistake (two recordings of one
/// person, joined) does not keep them apart; two voices of a phone call, heard apart in most
/// windows, stay two. A hard cannot-link kept one person's two recordings apart.
///
/// Built once, it is cut two ways: where the linkage similarity falls below a threshold, or
/// at a given number of clusters. Average linkage is reducible (a merged cluster is never
/// more similar to a third than the closer of its parts), so the nearest-neighbour chain
/// finds the same merges as merging the closest pair each time, in O(n²) time, not O(n³).
public struct VoiceDendrogram: Sendable {
    /// One merge: the clusters holding items `first` and `second` joined at `similarity`.
    public struct Merge: Sendable, Equatable {
        public var first: Int
        public var second: Int
        public var similarity: Float
    }

    /// How many prints were clustered.
    public let count: Int
    /// Every merge, most similar first.
    public let merges: [Merge]

    /// The similarity a pair of prints of one group is given.
    public static let sameGroupSimilarity: Float = -10

    /// Clusters `prints` by cosine similarity; prints of one `group` count against joining.
    public init(prints: [[Float]], groups: [Int]) {
        precondition(prints.count == groups.count, "one group per print")
        count = prints.count
        merges = Self.nearestNeighbourChain(prints: prints, groups: groups)
            .sorted { $0.similarity > $1.similarity }
    }

    /// Cluster numbers (0, 1, … in order of first appearance) after every merge at or
    /// above `threshold`.
    public func labels(threshold: Float) -> [Int] {
        labels(applying: merges.prefix { $0.similarity >= threshold }.count)
    }

    /// Cluster numbers with `clusters` clusters (all prints in one cluster for 1 or less).
    public func labels(clusters: Int) -> [Int] {
        labels(applying: min(merges.count, max(0, count - max(1, clusters))))
    }

    private func labels(applying mergeCount: Int) -> [Int] {
        var parent = Array(0..<count)
        func root(_ item: Int) -> Int {
            var item = item
            while parent[item] != item {
                parent[item] = parent[parent[item]]
                item = parent[item]
            }
            return item
        }
        for merge in merges.prefix(mergeCount) {
            parent[root(merge.second)] = root(merge.first)
        }
        var numbers: [Int: Int] = [:]
        return (0..<count).map { item in
            let cluster = root(item)
            if let number = numbers[cluster] { return number }
            numbers[cluster] = numbers.count
            return numbers.count - 1
        }
    }

    /// The merges of average linkage, in the order the chain finds them.
    private static func nearestNeighbourChain(prints: [[Float]], groups: [Int]) -> [Merge] {
        let count = prints.count
        guard count > 1 else { return [] }
        var similarity = [Float](repeating: 0, count: count * count)
        for row in 0..<count {
            for column in row..<count {
                let value =
                    groups[row] == groups[column] && row != column
                    ? Self.sameGroupSimilarity : VoicePrint.cosine(prints[row], prints[column])
                similarity[row * count + column] = value
                similarity[column * count + row] = value
            }
        }
        var size = [Float](repeating: 1, count: count)
        var active = Array(0..<count)
        var chain: [Int] = []
        var merges: [Merge] = []
        while active.count > 1 {
            if chain.isEmpty { chain.append(active[0]) }
            let current = chain[chain.count - 1]
            let previous = chain.count > 1 ? chain[chain.count - 2] : nil
            var best = previous
            var bestSimilarity = previous.map { similarity[current * count + $0] } ?? -Float.infinity
            for candidate in active where candidate != current {
                let value = similarity[current * count + candidate]
                if value > bestSimilarity {
                    best = candidate
                    bestSimilarity = value
                }
            }
            guard let best else { break }
            guard best == previous else {
                chain.append(best)
                continue
            }
            chain.removeLast(2)
            merges.append(Merge(first: best, second: current, similarity: bestSimilarity))
            let total = size[best] + size[current]
            for other in active where other != best && other != current {
                let value =
                    (similarity[best * count + other] * size[best] + similarity[current * count + other]
                        * size[current]) / total
                similarity[best * count + other] = value
                similarity[other * count + best] = value
            }
            size[best] = total
            active.removeAll { $0 == current }
        }
        return merges
    }
}
