/// What people read after the meeting.
public struct Summary: Hashable, Sendable, Codable {
    /// Key points, most important first.
    public var bullets: [String]
    /// The one line that best says what the meeting was about.
    public var highlight: String?
    public var actionItems: [ActionItem]
    public var decisions: [String]
    /// Which summarizer produced it (`offline`, or `llm:<model>`), so readers know its origin.
    public var source: String

    public init(
        bullets: [String] = [],
        highlight: String? = nil,
        actionItems: [ActionItem] = [],
        decisions: [String] = [],
        source: String = "offline"
    ) {
        self.bullets = bullets
        self.highlight = highlight
        self.actionItems = actionItems
        self.decisions = decisions
        self.source = source
    }
}
