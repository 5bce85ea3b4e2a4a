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

    private enum CodingKeys: String, CodingKey {
        case index, start, end, speaker, text, words
    }

    /// Words are optional in the manifest: a segment without word timings leaves the key out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Int.self, forKey: .index)
        start = try container.decode(Double.self, forKey: .start)
        end = try container.decode(Double.self, forKey: .end)
        speaker = try container.decodeIfPresent(SpeakerID.self, forKey: .speaker)
        text = try container.decode(String.self, forKey: .text)
        words = try container.decodeIfPresent([Word].self, forKey: .words) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encodeIfPresent(speaker, forKey: .speaker)
        try container.encode(text, forKey: .text)
        if !words.isEmpty { try container.encode(words, forKey: .words) }
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
