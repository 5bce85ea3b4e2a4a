import MinutesAudio
import MinutesCore
import Testing

struct ResamplerTests {
    @Test(arguments: [8_000, 11_025, 22_050, 44_100, 48_000, 96_000, 44_101])
    func keepsTheFrequencyAndLevelOfA1kHzSine(_ rate: Int) throws {
        // Given one second of a 1 kHz sine at `rate`
        let input = Signal.sine(frequency: 1_000, rate: rate, seconds: 1)

        // When it is resampled to 16 kHz
        let output = try Resampler.resample(input, from: rate, to: 16_000)

        // Then it has one sample per 16 kHz instant, the same frequency and the same level
        #expect(output.count == (input.count * 16_000 + rate - 1) / rate)
        let middle = Signal.middle(output, rate: 16_000)
        let frequency = Signal.zeroCrossingFrequency(middle, rate: 16_000)
        #expect(abs(frequency - 1_000) < 0.5, "measured \(frequency) Hz")
        let levelChange = Signal.dBFS(Signal.rms(middle)) - Signal.dBFS(Signal.rms(Signal.middle(input, rate: rate)))
        #expect(abs(levelChange) < 0.1, "level changed by \(levelChange) dB")
    }

    @Test func keepsA7500HzToneWhenDownsamplingFrom48kHz() throws {
        let input = Signal.sine(frequency: 7_500, rate: 48_000, seconds: 1)
        let output = try Resampler.resample(input, from: 48_000)
        let levelChange =
            Signal.dBFS(Signal.rms(Signal.middle(output, rate: 16_000))) - Signal.dBFS(0.5 / 2.0.squareRoot())
        #expect(abs(levelChange) < 0.1, "7.5 kHz changed by \(levelChange) dB")
    }

    @Test(arguments: [(48_000, 10_000.0), (44_100, 9_000.0), (96_000, 20_000.0), (22_050, 8_800.0)])
    func suppressesTonesAboveTheOutputNyquistInsteadOfAliasingThem(_ rate: Int, _ frequency: Double) throws {
        // Given a tone the 16 kHz output cannot represent
        let input = Signal.sine(frequency: frequency, rate: rate, seconds: 1)

        // When it is resampled to 16 kHz
        let output = try Resampler.resample(input, from: rate)

        // Then almost nothing is left of it (it would alias to 16 kHz − f otherwise)
        let suppression =
            Signal.dBFS(Signal.rms(Signal.middle(output, rate: 16_000))) - Signal.dBFS(0.5 / 2.0.squareRoot())
        #expect(suppression < -40, "only \(suppression) dB")
    }

    @Test func leavesNoImageWhenUpsampling8kHz() throws {
        // A 3 kHz tone at 8 kHz has an image at 5 kHz once the rate is doubled.
        let output = try Resampler.resample(Signal.sine(frequency: 3_000, rate: 8_000, seconds: 1), from: 8_000)
        let middle = Signal.middle(output, rate: 16_000)
        let tone = Signal.amplitude(at: 3_000, in: middle, rate: 16_000)
        let image = Signal.amplitude(at: 5_000, in: middle, rate: 16_000)
        #expect(abs(tone - 0.5) < 0.01)
        #expect(Signal.dBFS(image / tone) < -40)
    }

    @Test(arguments: [44_100, 8_000, 48_000, 11_025, 44_101, 16_000])
    func givesTheSameOutputBlockByBlockAsAllAtOnce(_ rate: Int) throws {
        // Given noise fed in blocks of awkward sizes, including empty and one-sample blocks
        let input = Signal.whiteNoise(count: 30_000, seed: 7)
        let whole = try Resampler.resample(input, from: rate)
        var resampler = try Resampler(from: rate)
        var blockwise: [Float] = []
        var start = 0
        for size in [0, 1, 7, 1_000, 3, 4_096, 1, 513].cycled() {
            guard start < input.count else { break }
            let end = min(input.count, start + size)
            blockwise += resampler.process(Array(input[start..<end]))
            start = end
        }
        blockwise += resampler.finish()

        // Then the outputs are the same
        #expect(blockwise.count == whole.count)
        let difference = zip(blockwise, whole).map { abs($0 - $1) }.max() ?? 0
        #expect(difference <= 1e-6)
    }

    @Test func isReadyForANewStreamAfterFinish() throws {
        let input = Signal.whiteNoise(count: 5_000, seed: 3)
        var resampler = try Resampler(from: 44_100)
        let first = resampler.process(input) + resampler.finish()
        let second = resampler.process(input) + resampler.finish()
        #expect(first == second)
    }

    @Test func placesOutputSamplesWithoutDelay() throws {
        // An impulse at input sample 3 000 (48 kHz) is at output sample 1 000 (16 kHz).
        var input = [Float](repeating: 0, count: 6_000)
        input[3_000] = 1
        let output = try Resampler.resample(input, from: 48_000)
        let peak = output.indices.max { output[$0] < output[$1] }
        #expect(peak == 1_000)
    }

    @Test func keepsAConstantConstant() throws {
        let output = try Resampler.resample([Float](repeating: 0.5, count: 44_100), from: 44_100)
        let middle = Signal.middle(output, rate: 16_000)
        #expect(middle.allSatisfy { abs($0 - 0.5) < 1e-4 })
    }

    @Test func passesSamplesThroughAtTheSameRate() throws {
        let input = Signal.whiteNoise(count: 1_000, seed: 1)
        var resampler = try Resampler(from: 16_000)
        #expect(resampler.isPassthrough)
        #expect(resampler.process(input) == input)
        #expect(resampler.finish().isEmpty)
    }

    @Test(arguments: [0, -8_000, 2_000_000])
    func refusesImpossibleRates(_ rate: Int) {
        let error = #expect(throws: MinutesError.self) { try Resampler(from: rate) }
        #expect(error?.message.contains("\(rate) Hz") == true)
    }
}

extension Array {
    /// The elements repeated forever.
    fileprivate func cycled() -> some Sequence<Element> {
        sequence(state: 0) { index in
            defer { index = (index + 1) % count }
            return self[index]
        }
    }
}
