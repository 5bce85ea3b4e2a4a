/// Options for one transcription call.
public struct TranscriptionOptions: Sendable, Equatable {
    /// A language code (`en`, `de`) or `auto` to let the model detect it.
    public var language: String
    /// Names and jargon the model should expect, passed as Whisper's initial prompt.
    public var initialPrompt: String?
    /// Seconds added to every time in the result, to place a clip inside a longer session.
    public var timeOffset: Double
    /// How many samples Whisper draws at each raised temperature when it decodes again.
    ///
    /// Whisper retries a greedy decode that looks like a hallucination (repetitive or unlikely
    /// text); whisper.cpp's default is 5 samples. Each costs a decode and decoder memory.
    public var fallbackCandidates: Int
    /// Whether Whisper's encoder looks at the clip (with a margin) instead of a full
    /// 30-second window: several times faster for a short utterance, which is what live
    /// captions are. Whole recordings are decoded in full windows, as Whisper was trained.
    public var encoderFitsClip: Bool

    public init(
        language: String = "en",
        initialPrompt: String? = nil,
        timeOffset: Double = 0,
        fallbackCandidates: Int = 5,
        encoderFitsClip: Bool = false
    ) {
        self.language = language
        self.initialPrompt = initialPrompt
        self.timeOffset = timeOffset
        self.fallbackCandidates = fallbackCandidates
        self.encoderFitsClip = encoderFitsClip
    }
}

/// Speech to text: 16 kHz mono samples in, timed segments with words out.
public protocol Transcriber: Sendable {
    /// Transcribes `samples` (16 kHz mono). Silence yields no segments, never invented text.
    func transcribe(_ samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft]
}
