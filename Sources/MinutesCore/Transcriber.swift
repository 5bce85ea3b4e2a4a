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
    /// Whether Whisper's work is sized to the clip.
    ///
    /// Its encoder then looks at the clip (with a margin) instead of a full 30-second window,
    /// several times faster for a short utterance, and a segment may hold at most 8 tokens per
    /// second of clip (fast speech is about 5), so text that loops on itself stops early
    /// instead of filling Whisper's context. Live captions need both; whole recordings are
    /// decoded as Whisper was trained.
    public var fitsDecodingToClip: Bool
    /// Whisper's beam width: 1 decodes greedily (fast, for live captions), more searches that
    /// many hypotheses at once (whisper.cpp's own command decodes with 5: fewer errors where
    /// nobody waits on each utterance).
    public var beamSize: Int

    /// The widest beam whisper.cpp runs (it keeps at most 8 decoders).
    public static let beamSizes = 1...8
    /// Why `beamSize` is refused, or nil when it is one whisper.cpp runs.
    public static func beamSizeProblem(_ beamSize: Int) -> String? {
        beamSizes.contains(beamSize)
            ? nil
            : "the beam size must be a whole number from \(beamSizes.lowerBound) to \(beamSizes.upperBound) "
                + "(--beam or MINUTES_WHISPER_BEAM; 1 is greedy), not \(beamSize)"
    }

    /// The beam recorded meetings are decoded with unless the user says otherwise.
    public static let accurateBeamSize = 5

    public init(
        language: String = "en",
        initialPrompt: String? = nil,
        timeOffset: Double = 0,
        fallback: TranscriptionFallback = .whenRepetitiveOrUnlikely,
        fitsDecodingToClip: Bool = false,
        beamSize: Int = TranscriptionOptions.accurateBeamSize
    ) {
        self.language = language
        self.initialPrompt = initialPrompt
        self.timeOffset = timeOffset
        self.fallback = fallback
        self.fitsDecodingToClip = fitsDecodingToClip
        self.beamSize = beamSize
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
    /// Never: the greedy decode stands, as for a partial caption the final one replaces.
    case never
}

/// Speech to text: 16 kHz mono samples in, timed segments with words out.
public protocol Transcriber: Sendable {
    /// Transcribes `samples` (16 kHz mono). Silence yields no segments, never invented text.
    /// An engine may stop early with `CancellationError` when the calling task is cancelled.
    func transcribe(_ samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft]
}
