#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ITU-R BS.1770 K-weighting pre-filter: a high shelf (+4 dB above ~1.7 kHz, the head's
/// acoustic effect) followed by a high pass (~38 Hz, "RLB"), as two biquads.
///
/// BS.1770 tabulates coefficients for 48 kHz only; these are derived from the analog
/// prototypes for any rate (the derivation libebur128 uses), so 16 kHz audio is measured
/// without resampling it first. State is kept in doubles: the high pass at 38 Hz has poles
/// close to the unit circle, where single precision drifts.
struct KWeightingFilter {
    private var shelf: Biquad
    private var highPass: Biquad

    init(sampleRate: Int) {
        let rate = Double(sampleRate)
        var frequency = 1_681.974450955533
        var q = 0.7071752369554196
        let gain = 3.999843853973347
        var k = tan(Double.pi * frequency / rate)
        let vh = pow(10, gain / 20)
        let vb = pow(vh, 0.4996667741545416)
        var a0 = 1 + k / q + k * k
        shelf = Biquad(
            b0: (vh + vb * k / q + k * k) / a0,
            b1: 2 * (k * k - vh) / a0,
            b2: (vh - vb * k / q + k * k) / a0,
            a1: 2 * (k * k - 1) / a0,
            a2: (1 - k / q + k * k) / a0
        )
        frequency = 38.13547087602444
        q = 0.5003270373238773
        k = tan(Double.pi * frequency / rate)
        a0 = 1 + k / q + k * k
        highPass = Biquad(b0: 1, b1: -2, b2: 1, a1: 2 * (k * k - 1) / a0, a2: (1 - k / q + k * k) / a0)
    }

    /// Filters the next sample.
    @inline(__always)
    mutating func process(_ sample: Double) -> Double {
        highPass.process(shelf.process(sample))
    }
}

/// One second-order IIR section in transposed direct form II.
private struct Biquad {
    let b0: Double
    let b1: Double
    let b2: Double
    let a1: Double
    let a2: Double
    private var state1 = 0.0
    private var state2 = 0.0

    init(b0: Double, b1: Double, b2: Double, a1: Double, a2: Double) {
        self.b0 = b0
        self.b1 = b1
        self.b2 = b2
        self.a1 = a1
        self.a2 = a2
    }

    @inline(__always)
    mutating func process(_ input: Double) -> Double {
        let output = b0 * input + state1
        state1 = b1 * input - a1 * output + state2
        state2 = b2 * input - a2 * output
        return output
    }
}
