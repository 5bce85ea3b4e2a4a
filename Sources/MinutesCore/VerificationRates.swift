/// False-accept and false-reject rates of speaker verification at a threshold, from
/// genuine (same person) and impostor (different people) similarity scores.
public struct VerificationRates: Sendable, Equatable {
    public var threshold: Float
    /// Impostor trials at or above the threshold: a stranger named as someone enrolled.
    public var falseAccept: Double
    /// Genuine trials below the threshold: an enrolled person left unnamed.
    public var falseReject: Double

    /// The rates at each threshold.
    public static func sweep(genuine: [Float], impostor: [Float], thresholds: [Float]) -> [VerificationRates] {
        thresholds.map { threshold in
            VerificationRates(
                threshold: threshold,
                falseAccept: fraction(of: impostor) { $0 >= threshold },
                falseReject: fraction(of: genuine) { $0 < threshold }
            )
        }
    }

    private static func fraction(of scores: [Float], where predicate: (Float) -> Bool) -> Double {
        guard !scores.isEmpty else { return 0 }
        return Double(scores.filter(predicate).count) / Double(scores.count)
    }
}
