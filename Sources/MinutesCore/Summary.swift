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
    /// The subjects the meeting spent its time on, most prominent first.
    ///
    /// Optional so summaries stored before it existed still decode; `nil` means "not computed",
    /// an empty array means "computed, none found".
    public var topics: [String]?
    /// Questions raised and left unanswered, in the order they were asked.
    ///
    /// Optional for the same reason as ``topics``.
    public var openQuestions: [String]?

    public init(
        bullets: [String] = [],
        highlight: String? = nil,
        actionItems: [ActionItem] = [],
        decisions: [String] = [],
        source: String = "offline",
        topics: [String]? = nil,
        openQuestions: [String]? = nil
    ) {
        self.bullets = bullets
        self.highlight = highlight
        self.actionItems = actionItems
        self.decisions = decisions
        self.source = source
        self.topics = topics
        self.openQuestions = openQuestions
    }
}
