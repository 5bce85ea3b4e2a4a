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

    public init(
        id: SessionID,
        title: String,
        language: String = "en",
        persona: String = "general",
        startedAt: Date,
        endedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.language = language
        self.persona = persona
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}
