/// Nearest-rank percentiles of a set of measurements, for benchmark reports.
public struct Percentiles: Sendable {
    private let sorted: [Double]

    public init(_ values: [Double]) {
        sorted = values.filter(\.isFinite).sorted()
    }

    /// The value below which `fraction` (0…1) of the measurements fall; 0 when there are none.
    public func value(at fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[Swift.min(sorted.count - 1, Swift.max(0, rank))]
    }

    public var p50: Double { value(at: 0.5) }
    public var p95: Double { value(at: 0.95) }
    public var max: Double { sorted.last ?? 0 }

    /// `p50 0.041, p95 0.052, max 0.060 (n=9)`.
    public var summary: String {
        "p50 \(Self.rounded(p50)), p95 \(Self.rounded(p95)), max \(Self.rounded(max)) (n=\(sorted.count))"
    }

    private static func rounded(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
