/// A voice a ``SpeechSynthesizer`` can speak with.
public struct SynthesizerVoice: Sendable, Equatable {
    /// The name to pass back as `voice` (for espeak-ng, such as `en-us` or `en+f3`).
    public var name: String
    public var language: String

    public init(name: String, language: String) {
        self.name = name
        self.language = language
    }
}

/// Text to speech, for demos, synthetic test meetings and the service's `/tts`.
public protocol SpeechSynthesizer: Sendable {
    /// Speaks `text` with `voice`, returning 16 kHz mono samples.
    func synthesize(_ text: String, voice: String) async throws -> [Float]
    func voices() async throws -> [SynthesizerVoice]
}
