/// A stretch of speech by one speaker: the unit of the timeline and of every export.
public struct Segment: Hashable, Sendable, Codable {
    /// Position in the session's timeline, assigned by the store on append (0, 1, 2, …).
    public var index: Int
    /// Seconds from the start of the session.
    public var start: Double
    public var end: Double
    /// `nil` when no speaker could be attributed (diarization off or too little audio).
    public var speaker: SpeakerID?
    public var text: String
    public var words: [Word]

    public init(index: Int = 0, start: Double, end: Double, speaker: SpeakerID?, text: String, words: [Word] = []) {
        self.index = index
        self.start = start
        self.end = end
        self.speaker = speaker
        self.text = text
        self.words = words
    }

    /// The text that replaces a forgotten speaker's words everywhere.
    public static let redactedText = "[redacted]"

    /// This segment with its words removed, as forgetting a speaker requires.
    public var redacted: Segment {
        var copy = self
        copy.text = Segment.redactedText
        copy.words = []
        return copy
    }
}
