/// Something a person committed to or was asked to do.
public struct ActionItem: Hashable, Sendable, Codable {
    public var text: String
    /// Who does it: a speaker's display name or a person named in the sentence.
    public var owner: String?
    /// The due date as an ISO-8601 day (`2026-11-27`) when one was said.
    public var due: String?
    /// Seconds into the meeting where it was said, to jump back to it.
    public var at: Double?

    public init(text: String, owner: String? = nil, due: String? = nil, at: Double? = nil) {
        self.text = text
        self.owner = owner
        self.due = due
        self.at = at
    }
}
