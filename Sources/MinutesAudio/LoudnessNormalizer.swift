import MinutesCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Brings recordings to a common loudness, so a quiet laptop microphone and a loud headset
/// reach the engines (and the listener) at the same level.
///
/// Loudness is measured as integrated loudness after ITU-R BS.1770-4 / EBU R128, simplified to
/// mono: K-weighting, mean square over 400 ms blocks every 100 ms, an absolute gate at −70 LUFS
/// and a relative gate 10 LU below the loudness of the blocks that passed it. The gate is what
/// makes a meeting with long pauses measure like its speech, not like its silence.
///
/// The gain is then limited twice: no sample may end above ``peakCeiling`` (sample peak, not
/// true peak), and the gain never exceeds ``maximumGain``, so room noise in a silent recording
/// is not blown up to speech level. Audio below the absolute gate is left untouched.
public struct LoudnessNormalizer: Sendable {
    /// What the normalizer measured and did.
    public struct Result: Sendable, Equatable {
        /// The normalized samples.
        public var samples: [Float]
        /// Integrated loudness of the input in LUFS, or nil when everything is below −70 LUFS.
        public var measuredLoudness: Double?
        /// The gain applied, in dB (negative when the input was too loud).
        public var gain: Double
        /// What held the gain back from reaching the target, if anything.
        public var limit: Limit
    }

    /// Why the applied gain differs from `target − measured`.
    public enum Limit: Sendable, Equatable {
        /// The target was reached.
        case none
        /// Reaching the target would have pushed a sample above ``peakCeiling``.
        case peak
        /// Reaching the target would have needed more than ``maximumGain``.
        case maximumGain
        /// The input is silent or below the absolute gate; it was left as is.
        case silence
    }

    /// The absolute gate of BS.1770: blocks quieter than this are ignored.
    public static let absoluteGate = -70.0
    /// The relative gate, below the ungated loudness of the blocks above the absolute gate.
    public static let relativeGate = -10.0

    /// The loudness to reach, in LUFS (EBU R128 broadcast: −23).
    public var targetLoudness: Double
    /// The highest sample peak allowed after the gain, in dBFS.
    public var peakCeiling: Double
    /// The most gain ever applied, in dB.
    public var maximumGain: Double

    public init(targetLoudness: Double = -23, peakCeiling: Double = -1, maximumGain: Double = 30) {
        self.targetLoudness = targetLoudness
        self.peakCeiling = peakCeiling
        self.maximumGain = maximumGain
    }

    /// Measures and normalizes `samples` taken at `sampleRate`.
    ///
    /// - Throws: `MinutesError(.invalidInput)` when `sampleRate` is not positive.
    public func normalize(_ samples: [Float], sampleRate: Int) throws -> Result {
        let loudness = try Self.integratedLoudness(of: samples, sampleRate: sampleRate)
        guard let loudness else {
            return Result(samples: samples, measuredLoudness: nil, gain: 0, limit: .silence)
        }
        var gain = targetLoudness - loudness
        var limit = Limit.none
        if gain > maximumGain {
            gain = maximumGain
            limit = .maximumGain
        }
        let peak = samples.reduce(Float(0)) { max($0, abs($1)) }
        let peakAfter = 20 * log10(Double(peak)) + gain
        if peakAfter > peakCeiling {
            gain -= peakAfter - peakCeiling
            limit = .peak
        }
        let factor = Float(pow(10, gain / 20))
        return Result(samples: samples.map { $0 * factor }, measuredLoudness: loudness, gain: gain, limit: limit)
    }

    /// The gated integrated loudness of `samples` in LUFS.
    ///
    /// A signal shorter than one 400 ms block is measured as a single block.
    ///
    /// - Returns: The loudness, or nil when no block is above the absolute gate (silence).
    /// - Throws: `MinutesError(.invalidInput)` when `sampleRate` is not positive.
    public static func integratedLoudness(of samples: [Float], sampleRate: Int) throws -> Double? {
        guard sampleRate > 0 else {
            throw MinutesError(.invalidInput, "cannot measure loudness at \(sampleRate) Hz")
        }
        guard !samples.isEmpty else { return nil }
        // Sums of K-weighted squares over 100 ms steps; a 400 ms block is four of them.
        let step = max(1, Int((Double(sampleRate) / 10).rounded()))
        var filter = KWeightingFilter(sampleRate: sampleRate)
        var stepSums: [Double] = []
        stepSums.reserveCapacity(samples.count / step + 1)
        var sum = 0.0
        for (index, sample) in samples.enumerated() {
            let weighted = filter.process(Double(sample))
            sum += weighted * weighted
            if (index + 1) % step == 0 {
                stepSums.append(sum)
                sum = 0
            }
        }
        var blockPowers: [Double] = []
        if stepSums.count < 4 {
            blockPowers = [(stepSums.reduce(0, +) + sum) / Double(samples.count)]
        } else {
            for first in 0...(stepSums.count - 4) {
                blockPowers.append(stepSums[first..<first + 4].reduce(0, +) / Double(4 * step))
            }
        }
        let aboveAbsolute = blockPowers.filter { loudness(ofPower: $0) > absoluteGate }
        guard !aboveAbsolute.isEmpty else { return nil }
        let threshold = loudness(ofPower: mean(aboveAbsolute)) + relativeGate
        let gated = aboveAbsolute.filter { loudness(ofPower: $0) > threshold }
        return loudness(ofPower: mean(gated.isEmpty ? aboveAbsolute : gated))
    }

    /// BS.1770's loudness of a mean square: −0.691 dB makes a 997 Hz full-scale sine −3.01 LUFS.
    private static func loudness(ofPower power: Double) -> Double {
        power > 0 ? -0.691 + 10 * log10(power) : -.infinity
    }

    private static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }
}
