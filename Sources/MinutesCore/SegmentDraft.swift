/// A segment as a speech engine produces it, before the session gives it an index and
/// turns the engine's cluster label into a session-scoped ``SpeakerID``.
public struct SegmentDraft: Hashable, Sendable, Codable {
    public var start: Double
    public var end: Double
    /// The diarizer's label for the voice, or `nil` when the speaker is unknown.
    public var cluster: String?
    public var text: String
    public var words: [Word]
    /// The language the recognizer heard: an ISO 639-1 code such as `en` or `de`.
    ///
    /// `nil` when the engine does not say. With `--language auto` it can change from one
    /// window (or utterance) to the next, so it is kept per segment.
    public var language: String?

    public init(
        start: Double,
        end: Double,
        cluster: String?,
        text: String,
        words: [Word] = [],
        language: String? = nil
    ) {
        self.start = start
        self.end = end
        self.cluster = cluster
        self.text = text
        self.words = words
        self.language = language
    }
}
