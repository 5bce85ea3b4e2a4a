import CFlite
import Foundation
import MinutesAudio
import MinutesCore
import Synchronization

/// Text to speech with Flite's US English voices, resampled to 16 kHz mono.
///
/// Flite's statistical voices (`slt`, `rms`, `awb`) are far easier for Whisper to understand
/// than espeak-ng's formant voices, and they are three clearly different people, so the demo
/// meeting speaks with them. Flite keeps global state, so calls go through one lock.
public struct FliteSynthesizer: SpeechSynthesizer {
    /// The voices linked into the program, by the names `synthesize` takes.
    public static let voiceNames = ["awb", "kal16", "rms", "slt"]

    public init() {}

    public func synthesize(_ text: String, voice: String) async throws -> [Float] {
        let (samples, rate) = try FliteEngine.shared.withLock { engine in try engine.speak(text, voice: voice) }
        return try Resampler.resample(samples, from: rate, to: 16_000)
    }

    public func voices() async throws -> [SynthesizerVoice] {
        Self.voiceNames.map { SynthesizerVoice(name: $0, language: "en-us") }
    }
}

/// The process's Flite, with each voice registered on first use.
private final class FliteEngine {
    static let shared = Mutex(FliteEngine())

    private var started = false
    private var registered: [String: UnsafeMutablePointer<cst_voice>] = [:]

    func speak(_ text: String, voice name: String) throws -> (samples: [Float], rate: Int) {
        let voice = try self.voice(named: name)
        guard let wave = flite_text_to_wave(text, voice) else {
            throw MinutesError(.invalidInput, "Flite could not speak the text")
        }
        defer { delete_wave(wave) }
        // `num_samples` counts frames; the samples interleave `num_channels` of them (one here).
        let channels = Int(max(1, wave.pointee.num_channels))
        var samples = [Float](repeating: 0, count: Int(wave.pointee.num_samples))
        if let source = wave.pointee.samples {
            for index in samples.indices {
                samples[index] = Float(source[index * channels]) / 32_768
            }
        }
        return (samples, Int(wave.pointee.sample_rate))
    }

    private func voice(named name: String) throws -> UnsafeMutablePointer<cst_voice> {
        if let voice = registered[name] { return voice }
        if !started {
            _ = flite_init()
            started = true
        }
        let made: UnsafeMutablePointer<cst_voice>? =
            switch name {
            case "slt": register_cmu_us_slt(nil)
            case "rms": register_cmu_us_rms(nil)
            case "awb": register_cmu_us_awb(nil)
            case "kal16": register_cmu_us_kal16(nil)
            default: nil
            }
        guard let made else {
            throw MinutesError(
                .invalidInput,
                "unknown Flite voice '\(name)' (Flite voices: \(FliteSynthesizer.voiceNames.joined(separator: ", ")))"
            )
        }
        registered[name] = made
        return made
    }
}
