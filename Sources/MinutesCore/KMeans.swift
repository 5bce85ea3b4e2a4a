/// Lloyd's k-means with k-means++ seeding, deterministic.
///
/// A fixed-seed generator and a few restarts, keeping the tightest: the same recording
/// always gets the same speakers.
struct KMeans {
    var clusters: Int
    var restarts = 8
    var iterations = 100

    /// A cluster index for each point (all points of equal dimension).
    func assign(_ points: [[Double]]) -> [Int] {
        guard clusters > 1, points.count > clusters else { return points.indices.map { min($0, clusters - 1) } }
        var random = SplitMix64(seed: 0x6D69_6E75_7465_73)
        var best: (inertia: Double, labels: [Int])?
        for _ in 0..<restarts {
            let (labels, inertia) = run(points, centres: seed(points, random: &random))
            if best == nil || inertia < best!.inertia { best = (inertia, labels) }
        }
        return best?.labels ?? []
    }

    private func run(_ points: [[Double]], centres initial: [[Double]]) -> (labels: [Int], inertia: Double) {
        var centres = initial
        var labels = [Int](repeating: -1, count: points.count)
        for _ in 0..<iterations {
            var changed = false
            for (index, point) in points.enumerated() {
                let nearest = Self.nearest(point, in: centres).index
                if labels[index] != nearest {
                    labels[index] = nearest
                    changed = true
                }
            }
            if !changed { break }
            for cluster in 0..<clusters {
                let members = points.indices.filter { labels[$0] == cluster }
                guard !members.isEmpty else { continue }
                centres[cluster] = centres[cluster].indices.map { dimension in
                    members.reduce(0) { $0 + points[$1][dimension] } / Double(members.count)
                }
            }
        }
        let inertia = points.indices.reduce(0) { $0 + Self.distance(points[$1], centres[labels[$1]]) }
        return (labels, inertia)
    }

    /// k-means++: each next centre drawn with probability proportional to its squared
    /// distance from the nearest centre chosen so far.
    private func seed(_ points: [[Double]], random: inout SplitMix64) -> [[Double]] {
        var centres = [points[Int(random.next() % UInt64(points.count))]]
        while centres.count < clusters {
            let distances = points.map { Self.nearest($0, in: centres).distance }
            let total = distances.reduce(0, +)
            guard total > 0 else { break }
            var target = Double(random.next() >> 11) / Double(1 << 53) * total
            var chosen = points.count - 1
            for (index, distance) in distances.enumerated() {
                target -= distance
                if target <= 0 {
                    chosen = index
                    break
                }
            }
            centres.append(points[chosen])
        }
        while centres.count < clusters { centres.append(centres[centres.count - 1]) }
        return centres
    }

    private static func nearest(_ point: [Double], in centres: [[Double]]) -> (index: Int, distance: Double) {
        var best = (index: 0, distance: Double.infinity)
        for (index, centre) in centres.enumerated() {
            let distance = distance(point, centre)
            if distance < best.distance { best = (index, distance) }
        }
        return best
    }

    private static func distance(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in a.indices {
            let difference = a[index] - b[index]
            sum += difference * difference
        }
        return sum
    }
}
