import Foundation

/// The input level the console's meter shows, from the audio as it arrives.
///
/// Loudness is heard logarithmically, so the RMS of each block is taken in dBFS and mapped
/// linearly from ``floor`` (0, silence to the eye) to 0 dBFS (1, full scale): normal speech
/// into a laptop microphone, around -30 dBFS, then fills half the meter instead of a sliver.
/// A reading is produced once per ``interval`` frames, whatever the capture chunk size.
public struct LiveLevelMeter: Sendable {
    /// The level shown as empty, in dBFS.
    public let floor: Double
    /// Frames per reading.
    public let interval: Int
    private var sumOfSquares = 0.0
    private var count = 0

    /// - Parameters:
    ///   - floor: The dBFS shown as an empty meter (-60: room noise barely moves it).
    ///   - interval: Frames per reading (1 600 is 100 ms at 16 kHz).
    public init(floor: Double = -60, interval: Int = 1_600) {
        self.floor = min(-1, floor)
        self.interval = max(1, interval)
    }

    /// Adds samples; returns a reading each time another ``interval`` frames have been heard.
    public mutating func add(_ samples: [Float]) -> Double? {
        var reading: Double?
        for sample in samples {
            sumOfSquares += Double(sample) * Double(sample)
            count += 1
            if count == interval {
                reading = level(rms: (sumOfSquares / Double(count)).squareRoot())
                sumOfSquares = 0
                count = 0
            }
        }
        return reading
    }

    /// The root mean square of `samples`, 0 for none.
    public static func rms(_ samples: [Float]) -> Double {
        guard !samples.isEmpty else { return 0 }
        var sum = 0.0
        for sample in samples {
            sum += Double(sample) * Double(sample)
        }
        return (sum / Double(samples.count)).squareRoot()
    }

    /// The meter position, 0…1, of a block whose RMS is `rms` (1 is a full-scale sine's peak).
    public func level(rms: Double) -> Double {
        guard rms.isFinite, rms > 0 else { return 0 }
        let decibels = 20 * log10(rms)
        return min(1, max(0, (decibels - floor) / -floor))
    }
}
