import Foundation

/// One place a search found: something said in a meeting, or a decision or action item of
/// its minutes.
public struct SearchHit: Hashable, Sendable, Codable {
    /// What kind of text matched.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        /// A stretch of the timeline.
        case said
        /// A decision in the meeting's minutes.
        case decision
        /// An action item in the meeting's minutes.
        case action

        /// Decisions first, then action items, then the words that led to them: the order in
        /// which one meeting's hits are listed.
        public var listingOrder: Int {
            switch self {
            case .decision: 0
            case .action: 1
            case .said: 2
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.listingOrder < rhs.listingOrder }
    }

    public var session: SessionID
    public var title: String
    public var startedAt: Date
    public var kind: Kind
    /// Seconds into the meeting, when known (an action item's moment, a segment's start).
    public var at: Double?
    /// Who said it (the speaker's name, or "Speaker 3" while unnamed) or owns it (an action
    /// item's owner), when known.
    public var speaker: String?
    public var text: String
    /// The text with the words that matched marked (``SearchSnippet``), cut around the first.
    public var snippet: String

    public init(
        session: SessionID,
        title: String,
        startedAt: Date,
        kind: Kind,
        at: Double?,
        speaker: String?,
        text: String,
        marking expression: SearchExpression
    ) {
        self.session = session
        self.title = title
        self.startedAt = startedAt
        self.kind = kind
        self.at = at
        self.speaker = speaker
        self.text = text
        self.snippet = SearchSnippet.marked(text, for: expression)
    }
}
