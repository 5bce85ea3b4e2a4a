/// `/` search over the timeline, and typing `g`'s search of every stored meeting.
public struct SearchState: Hashable, Sendable {
    /// The query being typed after `/` or `g`; `nil` when not typing.
    public var draft: String?
    /// The draft is for every stored meeting (`g`), not this timeline (`/`).
    public var isDraftForAllMeetings = false
    /// The query in effect (empty: no search).
    public var query: String
    /// Timeline item indices whose text or speaker matches, oldest first.
    public var hits: [Int]
    /// Index into ``hits`` of the match being shown.
    public var current: Int?

    public init(draft: String? = nil, query: String = "", hits: [Int] = [], current: Int? = nil) {
        self.draft = draft
        self.query = query
        self.hits = hits
        self.current = current
    }

    public var isEditing: Bool { draft != nil }

    /// The item of the current match.
    public var currentItem: Int? {
        guard let current, hits.indices.contains(current) else { return nil }
        return hits[current]
    }
}
