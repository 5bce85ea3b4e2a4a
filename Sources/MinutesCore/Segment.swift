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
    /// The spoken language as the recognizer heard it: ISO 639-1, `en`, `de`, ….
    ///
    /// `nil` when unknown (segments stored before languages were kept, imports without one).
    /// A meeting that switches language has segments in each.
    public var language: String?

    public init(
        index: Int = 0,
        start: Double,
        end: Double,
        speaker: SpeakerID?,
        text: String,
        words: [Word] = [],
        language: String? = nil
    ) {
        self.index = index
        self.start = start
        self.end = end
        self.speaker = speaker
        self.text = text
        self.words = words
        self.language = language
    }

    private enum CodingKeys: String, CodingKey {
        case index, start, end, speaker, text, words, language
    }

    /// Words and language are optional in the manifest: a segment without word timings or a
    /// known language leaves the key out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        index = try container.decode(Int.self, forKey: .index)
        start = try container.decode(Double.self, forKey: .start)
        end = try container.decode(Double.self, forKey: .end)
        speaker = try container.decodeIfPresent(SpeakerID.self, forKey: .speaker)
        text = try container.decode(String.self, forKey: .text)
        words = try container.decodeIfPresent([Word].self, forKey: .words) ?? []
        language = try container.decodeIfPresent(String.self, forKey: .language)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(index, forKey: .index)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encodeIfPresent(speaker, forKey: .speaker)
        try container.encode(text, forKey: .text)
        if !words.isEmpty { try container.encode(words, forKey: .words) }
        try container.encodeIfPresent(language, forKey: .language)
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
