#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Kaiser-windowed sinc lowpass, tabulated once for every fractional position an output
/// sample can fall on, so resampling is one dot product per output sample.
///
/// The conversion ratio is reduced to `up / down` (44.1 kHz → 16 kHz is 160 / 441). Output
/// sample `n` sits at input position `n · down / up`, whose fraction is one of `up` phases;
/// each phase gets its own row of taps. Ratios with more than ``maximumExactPhases`` phases
/// (odd rates such as 44 101 Hz) use that many rows and interpolate linearly between them.
///
/// The passband reaches 95 % of the lower Nyquist frequency and the stopband starts at 105 %,
/// with 80 dB of attenuation. Placing the transition band across Nyquist rather than below it
/// keeps everything under 7.6 kHz intact at 16 kHz (speech consonants live up there) and lets
/// only the 8.0–8.4 kHz band fold back, onto 7.6–8.0 kHz, which is itself the transition band;
/// the filter is also about half as long as one whose stopband starts at Nyquist.
struct PolyphaseFilter: Sendable {
    static let stopbandAttenuation = 80.0
    static let passbandEdge = 0.95
    static let stopbandEdge = 1.05
    static let maximumExactPhases = 1_024

    /// Output samples per `down` input samples.
    let up: Int
    /// Input samples per `up` output samples.
    let down: Int
    /// Taps on each side of the output position; each output sample reads `2 · halfWidth` inputs.
    let halfWidth: Int
    /// Whether there is one row per phase; otherwise rows are interpolated.
    let isExact: Bool
    /// Rows of ``tapCount`` taps: `up` rows when exact, else ``maximumExactPhases`` + 1.
    let coefficients: [Float]

    var tapCount: Int { 2 * halfWidth }

    init(inputRate: Int, outputRate: Int) {
        let divisor = Self.greatestCommonDivisor(inputRate, outputRate)
        up = outputRate / divisor
        down = inputRate / divisor
        let lowerNyquist = Double(min(inputRate, outputRate)) / 2
        // Frequencies in cycles per input sample: the filter runs on the input grid.
        let cutoff = lowerNyquist / Double(inputRate)
        let transition = (Self.stopbandEdge - Self.passbandEdge) * lowerNyquist / Double(inputRate)
        let length = (Self.stopbandAttenuation - 7.95) / (2.285 * 2 * Double.pi * transition) + 1
        let halfWidth = max(2, Int(length / 2) + 1)
        self.halfWidth = halfWidth
        isExact = up <= Self.maximumExactPhases
        let rows = isExact ? up : Self.maximumExactPhases + 1
        let rowFraction = isExact ? 1 / Double(up) : 1 / Double(Self.maximumExactPhases)
        let beta = 0.1102 * (Self.stopbandAttenuation - 8.7)
        let taps = 2 * halfWidth
        var table = [Float](repeating: 0, count: rows * taps)
        var row = [Double](repeating: 0, count: taps)
        for phase in 0..<rows {
            let fraction = Double(phase) * rowFraction
            var sum = 0.0
            for tap in 0..<taps {
                // Distance from the output position to input tap `tap`, in input samples.
                let distance = fraction + Double(halfWidth - 1 - tap)
                let value =
                    2 * cutoff * Self.sinc(2 * cutoff * distance)
                    * Self.kaiser(distance / Double(halfWidth), beta: beta)
                row[tap] = value
                sum += value
            }
            // Unit gain at DC in every phase, so a constant stays constant whatever the phase.
            for tap in 0..<taps {
                table[phase * taps + tap] = Float(row[tap] / sum)
            }
        }
        coefficients = table
    }

    /// The output sample at `phase` (0..<up) from the `tapCount` inputs starting at `input`.
    @inline(__always)
    func apply(phase: Int, to input: UnsafePointer<Float>, table: UnsafePointer<Float>) -> Float {
        let taps = tapCount
        if isExact {
            return Self.dot(table + phase * taps, input, taps)
        }
        let position = Double(phase) * Double(Self.maximumExactPhases) / Double(up)
        let row = Int(position)
        let weight = Float(position - Double(row))
        let lower = Self.dot(table + row * taps, input, taps)
        let upper = Self.dot(table + (row + 1) * taps, input, taps)
        return lower + (upper - lower) * weight
    }

    /// Σ a[i]·b[i] with eight-lane vectors; the compiler does not vectorize a float sum itself
    /// because that reorders the additions.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        let rawA = UnsafeRawPointer(a)
        let rawB = UnsafeRawPointer(b)
        let stride = MemoryLayout<Float>.stride
        var first = SIMD8<Float>()
        var second = SIMD8<Float>()
        var index = 0
        while index + 16 <= count {
            let offset = index * stride
            first +=
                rawA.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
            second +=
                rawA.loadUnaligned(fromByteOffset: offset + 8 * stride, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: offset + 8 * stride, as: SIMD8<Float>.self)
            index += 16
        }
        var sum = (first + second).sum()
        while index < count {
            sum += a[index] * b[index]
            index += 1
        }
        return sum
    }

    private static func sinc(_ x: Double) -> Double {
        abs(x) < 1e-12 ? 1 : sin(Double.pi * x) / (Double.pi * x)
    }

    /// The Kaiser window at `x` in -1…1 (0 outside).
    private static func kaiser(_ x: Double, beta: Double) -> Double {
        guard abs(x) <= 1 else { return 0 }
        return besselI0(beta * (1 - x * x).squareRoot()) / besselI0(beta)
    }

    /// The modified Bessel function of the first kind, order 0, by its power series.
    private static func besselI0(_ x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        let half = x / 2
        var k = 1.0
        while term > 1e-12 * sum {
            term *= (half / k) * (half / k)
            sum += term
            k += 1
        }
        return sum
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
