import Foundation
import MinutesCore

/// Test signals and the measurements that check them.
enum Signal {
    /// `seconds` of a sine at `frequency` Hz with peak `amplitude`.
    static func sine(frequency: Double, rate: Int, seconds: Double, amplitude: Float = 0.5) -> [Float] {
        let count = Int(seconds * Double(rate))
        return (0..<count).map { amplitude * Float(sin(2 * Double.pi * frequency * Double($0) / Double(rate))) }
    }

    /// Uniform white noise in -1…1 from a seeded generator.
    static func whiteNoise(count: Int, seed: UInt64) -> [Float] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
    }

    /// Pink-ish noise (Paul Kellet's economy filter over white noise), scaled to `rmsDBFS`.
    static func pinkNoise(count: Int, rmsDBFS: Double, seed: UInt64) -> [Float] {
        var (b0, b1, b2): (Float, Float, Float) = (0, 0, 0)
        let pink = whiteNoise(count: count, seed: seed).map { white -> Float in
            b0 = 0.99765 * b0 + white * 0.0990460
            b1 = 0.96300 * b1 + white * 0.2965164
            b2 = 0.57000 * b2 + white * 1.0526913
            return b0 + b1 + b2 + white * 0.1848
        }
        return scaled(pink, toRMSDBFS: rmsDBFS)
    }

    static func scaled(_ samples: [Float], toRMSDBFS target: Double) -> [Float] {
        let factor = Float(pow(10, (target - dBFS(rms(samples))) / 20))
        return samples.map { $0 * factor }
    }

    static func rms(_ samples: some Collection<Float>) -> Double {
        (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)).squareRoot()
    }

    static func dBFS(_ value: Double) -> Double { 20 * log10(value) }

    /// The samples between `margin` seconds from each end, clear of filter start-up transients.
    static func middle(_ samples: [Float], rate: Int, margin: Double = 0.1) -> ArraySlice<Float> {
        let skip = Int(margin * Double(rate))
        return samples[skip..<(samples.count - skip)]
    }

    /// Frequency from upward zero crossings, located to a fraction of a sample.
    static func zeroCrossingFrequency(_ samples: some Collection<Float>, rate: Int) -> Double {
        let values = Array(samples)
        var crossings: [Double] = []
        for index in 1..<values.count where values[index - 1] < 0 && values[index] >= 0 {
            let fraction = Double(-values[index - 1] / (values[index] - values[index - 1]))
            crossings.append(Double(index - 1) + fraction)
        }
        guard let first = crossings.first, let last = crossings.last, crossings.count > 1 else { return 0 }
        return Double(crossings.count - 1) / (last - first) * Double(rate)
    }

    /// Amplitude of the `frequency` component (Goertzel), for a sine of peak A it returns ≈ A.
    static func amplitude(at frequency: Double, in samples: some Collection<Float>, rate: Int) -> Double {
        let coefficient = 2 * cos(2 * Double.pi * frequency / Double(rate))
        var (s1, s2) = (0.0, 0.0)
        for sample in samples {
            let s0 = Double(sample) + coefficient * s1 - s2
            (s2, s1) = (s1, s0)
        }
        let power = s1 * s1 + s2 * s2 - coefficient * s1 * s2
        return 2 * power.squareRoot() / Double(samples.count)
    }
}
