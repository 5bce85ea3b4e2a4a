import MinutesCore

/// Converts mono audio from one sample rate to another, block by block.
///
/// The engines want 16 kHz; files and devices deliver 8–96 kHz. The resampler keeps the
/// input it still needs between calls, so feeding a recording in blocks of any size yields the
/// same samples as feeding it at once, and memory stays bounded on a three-hour file. Output
/// sample `n` lies exactly at input time `n · inputRate / outputRate`, with no delay: the
/// filter's look-ahead is paid for at the end, by ``finish()``.
///
/// See ``PolyphaseFilter`` for the filter design (Kaiser-windowed sinc, 80 dB stopband).
public struct Resampler: Sendable {
    /// The highest rate accepted; beyond it the filter table would grow past tens of megabytes.
    public static let maximumRate = 1_000_000

    public let inputRate: Int
    public let outputRate: Int
    /// The filter, or nil when the rates are equal and samples pass through untouched.
    private let filter: PolyphaseFilter?

    /// Input samples still needed, starting at absolute input index ``historyStart``
    /// (negative at first: the filter reads zeros before the start).
    private var history: [Float] = []
    private var historyStart = 0
    /// Input index at or before the next output sample, and its phase (0..<up).
    private var base = 0
    private var phase = 0
    private var inputCount = 0
    private var outputCount = 0

    /// Creates a resampler from `inputRate` to `outputRate` (Hz).
    ///
    /// - Throws: `MinutesError(.invalidInput)` when a rate is not in 1…``maximumRate``.
    public init(from inputRate: Int, to outputRate: Int = 16_000) throws {
        for rate in [inputRate, outputRate] where rate < 1 || rate > Self.maximumRate {
            throw MinutesError(
                .invalidInput,
                "cannot resample at \(rate) Hz: sample rates must be between 1 and \(Self.maximumRate) Hz"
            )
        }
        self.inputRate = inputRate
        self.outputRate = outputRate
        filter = inputRate == outputRate ? nil : PolyphaseFilter(inputRate: inputRate, outputRate: outputRate)
        reset()
    }

    /// Whether samples pass through unchanged because the rates are equal.
    public var isPassthrough: Bool { filter == nil }

    /// Resamples `samples` taken at `inputRate` to `outputRate` in one go.
    public static func resample(_ samples: [Float], from inputRate: Int, to outputRate: Int = 16_000) throws -> [Float]
    {
        var resampler = try Resampler(from: inputRate, to: outputRate)
        return resampler.process(samples) + resampler.finish()
    }

    /// Feeds the next block of input and returns the output samples that are now complete.
    ///
    /// An output sample needs input up to about ``PolyphaseFilter/halfWidth`` samples past its
    /// position, so the output lags the input by that much until ``finish()``.
    public mutating func process(_ samples: [Float]) -> [Float] {
        guard filter != nil else { return samples }
        history.append(contentsOf: samples)
        inputCount += samples.count
        return drain(limit: nil)
    }

    /// Flushes the output still held back, as if the input continued with silence, and makes
    /// the resampler ready for a new stream.
    ///
    /// In total the stream yields `⌈inputCount · outputRate / inputRate⌉` samples: one for every
    /// output instant that falls inside the input.
    public mutating func finish() -> [Float] {
        guard let filter else { return [] }
        history.append(contentsOf: repeatElement(0, count: filter.halfWidth))
        let total = (inputCount * filter.up + filter.down - 1) / filter.down
        let tail = drain(limit: total)
        reset()
        return tail
    }

    /// Computes every output sample whose taps are all in ``history`` (and below `limit`).
    private mutating func drain(limit: Int?) -> [Float] {
        guard let filter else { return [] }
        let halfWidth = filter.halfWidth
        let historyEnd = historyStart + history.count
        var available = (historyEnd - halfWidth - base) * filter.up / filter.down + 1
        if let limit {
            available = min(available, limit - outputCount)
        }
        guard available > 0 else { return [] }
        var output: [Float] = []
        output.reserveCapacity(available)
        let wholeStep = filter.down / filter.up
        let phaseStep = filter.down % filter.up
        history.withUnsafeBufferPointer { input in
            filter.coefficients.withUnsafeBufferPointer { table in
                guard let inputBase = input.baseAddress, let tableBase = table.baseAddress else { return }
                while base + halfWidth < historyEnd, limit.map({ outputCount < $0 }) ?? true {
                    let first = base - halfWidth + 1 - historyStart
                    output.append(filter.apply(phase: phase, to: inputBase + first, table: tableBase))
                    outputCount += 1
                    base += wholeStep
                    phase += phaseStep
                    if phase >= filter.up {
                        phase -= filter.up
                        base += 1
                    }
                }
            }
        }
        let unneeded = min(history.count, base - halfWidth + 1 - historyStart)
        if unneeded > 0 {
            history.removeFirst(unneeded)
            historyStart += unneeded
        }
        return output
    }

    private mutating func reset() {
        let lead = (filter?.halfWidth ?? 1) - 1
        history = [Float](repeating: 0, count: lead)
        historyStart = -lead
        base = 0
        phase = 0
        inputCount = 0
        outputCount = 0
    }
}
