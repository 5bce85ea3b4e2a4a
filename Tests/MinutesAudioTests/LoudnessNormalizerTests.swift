import Foundation
import MinutesAudio
import MinutesCore
import Testing

struct LoudnessNormalizerTests {
    /// The integrated loudness, which must exist.
    static func loudness(of samples: [Float], sampleRate: Int) throws -> Double {
        let measured = try LoudnessNormalizer.integratedLoudness(of: samples, sampleRate: sampleRate)
        return try #require(measured)
    }

    @Test(arguments: [(16_000, -20.0), (48_000, -20.0), (44_100, -6.0), (16_000, -40.0)])
    func measuresA997HzSineAsBS1770Specifies(_ rate: Int, _ peakDBFS: Double) throws {
        // BS.1770: a 997 Hz sine with peak A dBFS measures A − 3.01 LUFS.
        let amplitude = Float(pow(10, peakDBFS / 20))
        let sine = Signal.sine(frequency: 997, rate: rate, seconds: 3, amplitude: amplitude)
        let loudness = try Self.loudness(of: sine, sampleRate: rate)
        #expect(abs(loudness - (peakDBFS - 3.01)) < 0.05, "measured \(loudness) LUFS")
    }

    @Test func bringsPinkNoiseAtMinus30dBFSToTheTarget() throws {
        // Given ten seconds of pink noise at −30 dBFS RMS
        let noise = Signal.pinkNoise(count: 160_000, rmsDBFS: -30, seed: 11)

        // When it is normalized
        let result = try LoudnessNormalizer().normalize(noise, sampleRate: 16_000)

        // Then it measures −23 LUFS and the reported gain is what was applied
        let measured = try #require(result.measuredLoudness)
        let after = try Self.loudness(of: result.samples, sampleRate: 16_000)
        #expect(abs(after - -23) < 1, "after: \(after) LUFS")
        #expect(result.limit == .none)
        #expect(abs(result.gain - (-23 - measured)) < 1e-9)
        let appliedDB = Signal.dBFS(Signal.rms(result.samples)) - Signal.dBFS(Signal.rms(noise))
        #expect(abs(appliedDB - result.gain) < 0.01)
    }

    @Test func measuresSpeechLikeAudioByItsSpeechNotItsPauses() throws {
        // Given bursts of noise at −30 dBFS separated by longer pauses of room noise at −50 dBFS
        // (above the absolute gate, so only the relative gate can keep them out)
        let burst = Signal.pinkNoise(count: 16_000, rmsDBFS: -30, seed: 4)
        let pause = Signal.pinkNoise(count: 24_000, rmsDBFS: -50, seed: 5)
        let speechLike = Array([[Float]](repeating: burst + pause, count: 5).joined())

        // When both are measured
        let bursts = try Self.loudness(of: burst, sampleRate: 16_000)
        let whole = try Self.loudness(of: speechLike, sampleRate: 16_000)

        // Then gating keeps the pauses out (ungated, they would pull it down by about 4 LU)
        #expect(abs(whole - bursts) < 1.5, "bursts \(bursts), whole \(whole)")
        let result = try LoudnessNormalizer().normalize(speechLike, sampleRate: 16_000)
        let after = try Self.loudness(of: result.samples, sampleRate: 16_000)
        #expect(abs(after - -23) < 1)
    }

    @Test func capsTheGainOnNearSilence() throws {
        // Given room noise at −60 dBFS, which would need about +35 dB to reach −23 LUFS
        let noise = Signal.pinkNoise(count: 48_000, rmsDBFS: -60, seed: 9)
        let result = try LoudnessNormalizer().normalize(noise, sampleRate: 16_000)
        #expect(result.limit == .maximumGain)
        #expect(result.gain == 30)
        let appliedDB = Signal.dBFS(Signal.rms(result.samples)) - Signal.dBFS(Signal.rms(noise))
        #expect(abs(appliedDB - 30) < 0.01)
    }

    @Test func leavesSilenceAlone() throws {
        let silence = [Float](repeating: 0, count: 16_000) + [Float](repeating: 1e-6, count: 16_000)
        let result = try LoudnessNormalizer().normalize(silence, sampleRate: 16_000)
        #expect(result.measuredLoudness == nil)
        #expect(result.gain == 0)
        #expect(result.limit == .silence)
        #expect(result.samples == silence)
    }

    @Test func holdsThePeakCeiling() throws {
        // Given quiet noise with one loud click
        var clicky = Signal.pinkNoise(count: 64_000, rmsDBFS: -40, seed: 2)
        clicky[30_000] = 0.5

        // When it is normalized
        let result = try LoudnessNormalizer().normalize(clicky, sampleRate: 16_000)

        // Then the click ends at −1 dBFS and the rest falls short of the target
        let peak = result.samples.map { abs($0) }.max() ?? 0
        #expect(result.limit == .peak)
        #expect(Signal.dBFS(Double(peak)) <= -1 + 1e-4)
        #expect(Signal.dBFS(Double(peak)) > -1.01)
        let after = try Self.loudness(of: result.samples, sampleRate: 16_000)
        #expect(after < -24)
    }

    @Test func turnsLoudAudioDown() throws {
        let loud = Signal.sine(frequency: 997, rate: 16_000, seconds: 2, amplitude: 0.5)
        let result = try LoudnessNormalizer().normalize(loud, sampleRate: 16_000)
        #expect(abs(result.gain - (-23 - (-6.02 - 3.01))) < 0.1)
        #expect(result.limit == .none)
    }

    @Test func measuresAClipShorterThanOneBlock() throws {
        let clip = Signal.sine(frequency: 997, rate: 16_000, seconds: 0.2, amplitude: 0.1)
        let loudness = try Self.loudness(of: clip, sampleRate: 16_000)
        #expect(abs(loudness - (-20 - 3.01)) < 0.3)
    }

    @Test func refusesANonPositiveRate() {
        #expect(throws: MinutesError(.invalidInput, "")) {
            try LoudnessNormalizer().normalize([0.1], sampleRate: 0)
        }
    }
}
