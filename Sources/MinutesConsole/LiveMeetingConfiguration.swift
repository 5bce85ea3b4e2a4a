/// How a ``LiveMeeting`` slices, keeps and reports audio.
///
/// The defaults suit 16 kHz capture in 100 ms chunks on a 2-core machine with tiny.en.
public struct LiveMeetingConfiguration: Sendable, Equatable {
    /// Seconds of audio kept before a speech onset for the captioner (0.3).
    public var preRoll: Double
    /// Seconds between a speech onset and voice activity reporting it (0.3: Silero's minimum
    /// speech of 0.25 s plus two 32 ms windows).
    public var detectionDelay: Double
    /// Seconds of recent audio kept in memory (30): the longest utterance voice activity lets
    /// through (20 s) plus the labeller's padding on both sides, with room to spare.
    public var history: Double
    /// Seconds of each speaker's solo speech kept for enrolling their voice (20).
    public var voiceHistory: Double
    /// The least kept speech, in seconds, from which a voice is enrolled (2).
    public var minimumEnrollment: Double
    /// Seconds of audio per input-level reading (0.1).
    public var levelInterval: Double
    /// Seconds of audio between capture-counter reports when nothing changed (1).
    public var countersInterval: Double
    /// The most key points a summary lists (5).
    public var summaryPoints: Int
    /// Seconds of trailing audio after a region's end that the final decode still gets
    /// (0.2): Whisper ends words better with a little silence, and more only costs time.
    public var finalTail: Double
    /// Whether the meeting ends by itself when the input does (a replayed file reaching its
    /// end), as plain-line output to a pipe needs; otherwise it waits for quit so the person
    /// can still name speakers, summarize and export (false).
    public var quitsAtEndOfInput: Bool
    /// The RMS, relative to the utterance's loudest chunk, under which a chunk is a pause
    /// (0.1, -20 dB): pauses are not decoded for partial captions until speech resumes.
    public var pauseLevel: Double
    /// The captioner's `partialInterval` (1 s, its default), so the end of an utterance can
    /// avoid starting a partial decode whose caption would never be shown.
    public var partialInterval: Double
    /// The most seconds a caption waits for its speaker label while audio is queued (2).
    ///
    /// Labels wait for a moment with nothing queued so that they never hold up a caption,
    /// but on a machine that cannot catch up such a moment may not come for minutes, and a
    /// person must still see who is speaking.
    public var longestLabelWait: Double

    public init(
        preRoll: Double = 0.3,
        detectionDelay: Double = 0.3,
        history: Double = 30,
        voiceHistory: Double = 20,
        minimumEnrollment: Double = 2,
        levelInterval: Double = 0.1,
        countersInterval: Double = 1,
        summaryPoints: Int = 5,
        finalTail: Double = 0.2,
        quitsAtEndOfInput: Bool = false,
        pauseLevel: Double = 0.1,
        partialInterval: Double = 1,
        longestLabelWait: Double = 2
    ) {
        self.preRoll = preRoll
        self.detectionDelay = detectionDelay
        self.history = history
        self.voiceHistory = voiceHistory
        self.minimumEnrollment = minimumEnrollment
        self.levelInterval = levelInterval
        self.countersInterval = countersInterval
        self.summaryPoints = summaryPoints
        self.finalTail = finalTail
        self.quitsAtEndOfInput = quitsAtEndOfInput
        self.pauseLevel = pauseLevel
        self.partialInterval = partialInterval
        self.longestLabelWait = longestLabelWait
    }
}
