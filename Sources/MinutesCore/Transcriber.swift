/// Options for one transcription call.
public struct TranscriptionOptions: Sendable, Equatable {
    /// A language code (`en`, `de`) or `auto` to let the model detect it.
    public var language: String
    /// Names and jargon the model should expect, passed as Whisper's initial prompt.
    public var initialPrompt: String?
    /// Seconds added to every time in the result, to place a clip inside a longer session.
    public var timeOffset: Double
    /// When Whisper decodes a clip again at a raised temperature.
    public var fallback: TranscriptionFallback
    /// Whether Whisper's encoder looks at the clip (with a margin) instead of a full
    /// 30-second window: several times faster for a short utterance, which is what live
    /// captions are. Whole recordings are decoded in full windows, as Whisper was trained.
    public var encoderFitsClip: Bool

    public init(
        language: String = "en",
        initialPrompt: String? = nil,
        timeOffset: Double = 0,
        fallback: TranscriptionFallback = .whenRepetitiveOrUnlikely,
        encoderFitsClip: Bool = false
    ) {
        self.language = language
        self.initialPrompt = initialPrompt
        self.timeOffset = timeOffset
        self.fallback = fallback
        self.encoderFitsClip = encoderFitsClip
    }
}

/// When Whisper distrusts a greedy decode and tries again at a raised temperature.
public enum TranscriptionFallback: Sendable, Equatable {
    /// whisper.cpp's default: when the text repeats itself or its words are unlikely (average
    /// log probability under −1), drawing five samples per temperature.
    case whenRepetitiveOrUnlikely
    /// Only when the text repeats itself, one sample per temperature. Faint or noisy speech
    /// decodes "unlikely" almost every time, and each retry costs a whole decode.
    case whenRepetitive
}

/// Speech to text: 16 kHz mono samples in, timed segments with words out.
public protocol Transcriber: Sendable {
    /// Transcribes `samples` (16 kHz mono). Silence yields no segments, never invented text.
    func transcribe(_ samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft]
}
