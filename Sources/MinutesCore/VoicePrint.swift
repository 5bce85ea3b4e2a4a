/// Arithmetic on speaker embeddings.
public enum VoicePrint {
    /// Cosine similarity in -1…1; 0 when either vector is all zeros or the lengths differ.
    public static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var dot: Float = 0
        var normA: Float = 0
        var normB: Float = 0
        for index in a.indices {
            dot += a[index] * b[index]
            normA += a[index] * a[index]
            normB += b[index] * b[index]
        }
        guard normA > 0, normB > 0 else { return 0 }
        return dot / (normA.squareRoot() * normB.squareRoot())
    }

    /// The vector scaled to unit length (unchanged when all zeros).
    public static func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return vector }
        return vector.map { $0 / norm }
    }

    /// The normalized mean of normalized vectors: a centroid on the unit sphere.
    public static func centroid(_ vectors: [[Float]]) -> [Float] {
        centroid(vectors, weights: [Float](repeating: 1, count: vectors.count))
    }

    /// The normalized weighted mean of normalized vectors, such as prints of pieces of speech
    /// weighted by their length.
    public static func centroid(_ vectors: [[Float]], weights: [Float]) -> [Float] {
        guard let first = vectors.first else { return [] }
        var sum = [Float](repeating: 0, count: first.count)
        for (vector, weight) in zip(vectors, weights) where vector.count == sum.count {
            for (index, value) in normalized(vector).enumerated() { sum[index] += value * weight }
        }
        return normalized(sum)
    }
}
