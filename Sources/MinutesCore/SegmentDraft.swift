/// A segment as a speech engine produces it, before the session gives it an index and
/// turns the engine's cluster label into a session-scoped ``SpeakerID``.
public struct SegmentDraft: Hashable, Sendable, Codable {
    public var start: Double
    public var end: Double
    /// The diarizer's label for the voice, or `nil` when the speaker is unknown.
    public var cluster: String?
    public var text: String
    public var words: [Word]

    public init(start: Double, end: Double, cluster: String?, text: String, words: [Word] = []) {
        self.start = start
        self.end = end
        self.cluster = cluster
        self.text = text
        self.words = words
    }
}
