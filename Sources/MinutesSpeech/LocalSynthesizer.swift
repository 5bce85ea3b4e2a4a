import MinutesCore

/// Every voice installed with Minutes: Flite's (`slt`, `rms`, `awb`, `kal16`) and espeak-ng's
/// (`en-us`, `en+f3`, …), each name spoken by the engine that has it.
///
/// Flite's few voices are the clearer ones; espeak-ng's are many, in many languages.
public struct LocalSynthesizer: SpeechSynthesizer {
    private let flite = FliteSynthesizer()
    private let espeak = EspeakSynthesizer()

    public init() {}

    public func synthesize(_ text: String, voice: String) async throws -> [Float] {
        if FliteSynthesizer.voiceNames.contains(voice) {
            return try await flite.synthesize(text, voice: voice)
        }
        return try await espeak.synthesize(text, voice: voice)
    }

    public func voices() async throws -> [SynthesizerVoice] {
        try await flite.voices() + espeak.voices()
    }
}
