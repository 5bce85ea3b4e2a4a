/// Finds words across every stored meeting: the search part of ``SessionStore``.
///
/// Hits contain every word asked for (or all of one alternative) and are listed newest meeting
/// first; within a meeting decisions, then action items, then what was said, each in meeting
/// order. Both backends list by these rules rather than by their own relevance scores (FTS5's
/// bm25 and PostgreSQL's ts_rank weigh words differently), so the same meetings give the same
/// hits in the same order on either. Redacted text is never indexed.
public protocol MeetingSearch: Sendable {
    func search(_ query: SearchQuery) async throws -> [SearchHit]
}
