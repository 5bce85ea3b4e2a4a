import Foundation

/// What someone looks for across meetings: words, the filters around them, and how many hits.
///
/// The words come from ``SearchExpression``, parsed from what the person typed; user text
/// never reaches a database as query syntax unless ``raw`` is set.
public struct SearchQuery: Hashable, Sendable {
    /// The most hits a query may ask for.
    public static let largestLimit = 500

    public var expression: SearchExpression
    /// Only what this person said (a speaker's name) or owns (an action item's owner).
    ///
    /// Matched as words are, so `zoë` finds `Zoe`. A name nobody has gives no hits.
    public var speaker: String?
    /// Meetings started at or after this moment.
    public var since: Date?
    /// Meetings started before this moment.
    public var until: Date?
    public var session: SessionID?
    public var kinds: Set<SearchHit.Kind>
    public var limit: Int
    /// The backend's own syntax (FTS5 `MATCH` on SQLite, `to_tsquery` on PostgreSQL), passed
    /// through for people who know it; ``expression`` still marks the words in snippets.
    public var raw: String?

    /// - Throws: `.invalidInput` when `since` is not before `until` or `limit` is out of range.
    public init(
        expression: SearchExpression,
        speaker: String? = nil,
        since: Date? = nil,
        until: Date? = nil,
        session: SessionID? = nil,
        kinds: Set<SearchHit.Kind> = Set(SearchHit.Kind.allCases),
        limit: Int = 20,
        raw: String? = nil
    ) throws {
        if let since, let until, since >= until {
            throw MinutesError(.invalidInput, "the search runs backwards: --since must come before --until")
        }
        guard (1...Self.largestLimit).contains(limit) else {
            throw MinutesError(.invalidInput, "the limit must be between 1 and \(Self.largestLimit), not \(limit)")
        }
        self.expression = expression
        self.speaker = speaker
        self.since = since
        self.until = until
        self.session = session
        self.kinds = kinds.isEmpty ? Set(SearchHit.Kind.allCases) : kinds
        self.limit = limit
        self.raw = raw
    }

    /// The speaker filter as the index folds names, or nil when there is none.
    public var foldedSpeaker: String? {
        speaker.map(SearchText.indexed).flatMap { $0.isEmpty ? nil : $0 }
    }
}
