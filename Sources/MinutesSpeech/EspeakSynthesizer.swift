import CEspeakNG
import Foundation
import MinutesAudio
import MinutesCore
import Synchronization

/// Text to speech with espeak-ng, resampled to 16 kHz mono.
///
/// espeak-ng keeps its state in globals, so every call goes through one process-wide lock;
/// synthesis is fast (hundreds of times real time), so callers barely wait.
public struct EspeakSynthesizer: SpeechSynthesizer {
    public init() {}

    public func synthesize(_ text: String, voice: String) async throws -> [Float] {
        let (samples, rate) = try EspeakEngine.shared.withLock { engine in
            try engine.speak(text, voice: voice)
        }
        return try Resampler.resample(samples, from: rate, to: 16_000)
    }

    public func voices() async throws -> [SynthesizerVoice] {
        try EspeakEngine.shared.withLock { engine in try engine.voices() }
    }
}

/// The one espeak-ng instance of the process, initialized on first use.
private final class EspeakEngine {
    static let shared = Mutex(EspeakEngine())

    private var sampleRate: Int32 = 0

    private func start() throws -> Int {
        if sampleRate <= 0 {
            sampleRate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nil, 0)
            guard sampleRate > 0 else {
                throw MinutesError(
                    .storage,
                    "espeak-ng could not start: its voice data is missing (install the Debian package espeak-ng-data)"
                )
            }
            espeak_SetSynthCallback(collectSamples)
        }
        return Int(sampleRate)
    }

    func speak(_ text: String, voice: String) throws -> (samples: [Float], rate: Int) {
        let rate = try start()
        guard try select(voice) else {
            throw MinutesError(.invalidInput, "unknown espeak-ng voice '\(voice)' (see `minutes speak --list-voices`)")
        }
        let sink = SampleSink()
        let status = text.withCString { pointer in
            espeak_Synth(
                pointer,
                strlen(pointer) + 1,
                0,
                POS_CHARACTER,
                0,
                UInt32(espeakCHARS_UTF8),
                nil,
                Unmanaged.passUnretained(sink).toOpaque()
            )
        }
        guard status == EE_OK else { throw MinutesError(.invalidInput, "espeak-ng could not speak the text") }
        return (sink.samples, rate)
    }

    /// Selects a voice by name, or like the espeak-ng command does, by language with an
    /// optional variant (`en-gb+m3`).
    private func select(_ voice: String) throws -> Bool {
        if espeak_SetVoiceByName(voice) == EE_OK { return true }
        // By language espeak-ng picks the closest voice for anything, so check that the
        // language exists first.
        let language = voice.split(separator: "+").first.map(String.init)?.lowercased() ?? ""
        guard try voices().contains(where: { $0.language.lowercased() == language }) else { return false }
        return voice.withCString { language in
            var properties = espeak_VOICE()
            properties.languages = language
            return espeak_SetVoiceByProperties(&properties) == EE_OK
        }
    }

    func voices() throws -> [SynthesizerVoice] {
        _ = try start()
        guard let list = espeak_ListVoices(nil) else { return [] }
        var voices: [SynthesizerVoice] = []
        var index = 0
        while let voice = list[index] {
            index += 1
            let name = voice.pointee.identifier.map { String(cString: $0) } ?? ""
            // `languages` is a priority byte followed by a zero-terminated language name.
            let language = voice.pointee.languages.map { String(cString: $0 + 1) } ?? ""
            if !name.isEmpty { voices.append(SynthesizerVoice(name: name, language: language)) }
        }
        return voices.sorted { $0.name < $1.name }
    }
}

/// Collects the 16-bit samples espeak-ng hands to its callback.
private final class SampleSink {
    var samples: [Float] = []
}

/// espeak-ng's synthesis callback: a C function, so it finds its sink through `user_data`.
private func collectSamples(
    _ wave: UnsafeMutablePointer<Int16>?,
    _ count: Int32,
    _ events: UnsafeMutablePointer<espeak_EVENT>?
) -> Int32 {
    guard let wave, count > 0, let userData = events?.pointee.user_data else { return 0 }
    let sink = Unmanaged<SampleSink>.fromOpaque(userData).takeUnretainedValue()
    sink.samples.reserveCapacity(sink.samples.count + Int(count))
    for index in 0..<Int(count) {
        sink.samples.append(Float(wave[index]) / 32_768)
    }
    return 0
}
