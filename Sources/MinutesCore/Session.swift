import Foundation

/// One meeting: live in the console, or a processed recording.
public struct Session: Hashable, Sendable, Codable {
    public var id: SessionID
    public var title: String
    /// BCP-47 language code of the speech (`en`), or `auto` when the transcriber detects it.
    public var language: String
    /// The summary persona (`planning`, `standup`, …) the session was created with.
    public var persona: String
    public var startedAt: Date
    /// `nil` while the meeting is still running.
    public var endedAt: Date?
    /// Moments someone marked during the meeting (`b` in the console), in seconds from its
    /// start, ascending.
    public var bookmarks: [Double]

    public init(
        id: SessionID,
        title: String,
        language: String = "en",
        persona: String = "general",
        startedAt: Date,
        endedAt: Date? = nil,
        bookmarks: [Double] = []
    ) {
        self.id = id
        self.title = title
        self.language = language
        self.persona = persona
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.bookmarks = bookmarks
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, language, persona, startedAt, endedAt, bookmarks
    }

    /// Manifests written before bookmarks existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(SessionID.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        language = try container.decode(String.self, forKey: .language)
        persona = try container.decode(String.self, forKey: .persona)
        startedAt = try container.decode(Date.self, forKey: .startedAt)
        endedAt = try container.decodeIfPresent(Date.self, forKey: .endedAt)
        bookmarks = try container.decodeIfPresent([Double].self, forKey: .bookmarks) ?? []
    }

    /// Absent values are omitted, as the manifest schema says, bookmarks included.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(language, forKey: .language)
        try container.encode(persona, forKey: .persona)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encodeIfPresent(endedAt, forKey: .endedAt)
        if !bookmarks.isEmpty { try container.encode(bookmarks, forKey: .bookmarks) }
    }
}
