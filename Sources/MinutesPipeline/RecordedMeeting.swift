import MinutesCore

/// A recorded meeting to process: its audio and what the person who sent it said about it.
public struct RecordedMeeting: Sendable {
    /// 16 kHz mono samples as recorded; the pipeline normalizes their loudness.
    public var samples: [Float]
    public var title: String
    /// The spoken language (`en`, or `auto` with a multilingual model).
    public var language: String
    /// The number of voices when known.
    public var speakerCount: Int?
    /// The session to store it as.
    ///
    /// The service derives it from the job id, so a retried job
    /// writes the same session instead of a second one.
    public var sessionID: SessionID

    public init(
        samples: [Float],
        title: String,
        language: String,
        speakerCount: Int? = nil,
        sessionID: SessionID = .random()
    ) {
        self.samples = samples
        self.title = title
        self.language = language
        self.speakerCount = speakerCount
        self.sessionID = sessionID
    }

    /// The shortest audio worth processing: the segmentation model needs half a second.
    public static let minimumSamples = 8_000

    /// Seconds of audio.
    public var duration: Double { Double(samples.count) / 16_000 }
}
