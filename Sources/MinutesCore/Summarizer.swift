/// A summary and how it came to be, for the person who asked.
public struct SummaryOutcome: Sendable, Equatable {
    public var summary: Summary
    /// Why the LLM did not answer, when the offline summarizer stood in; nil otherwise.
    public var fallbackReason: String?
    /// True when the answer came from the cache and cost nothing.
    public var cacheHit: Bool

    public init(summary: Summary, fallbackReason: String? = nil, cacheHit: Bool = false) {
        self.summary = summary
        self.fallbackReason = fallbackReason
        self.cacheHit = cacheHit
    }
}

/// Turns a session into minutes: key points, highlight, decisions, action items.
public protocol Summarizer: Sendable {
    /// - Parameters:
    ///   - manifest: the session with its speakers and timeline.
    ///   - persona: how to read the meeting (`planning`, `standup`, …).
    ///   - maxPoints: the most key points to list.
    /// - Throws: `.empty` when there is nothing to summarize, `.invalidInput` for an unknown
    ///   persona (naming the known ones).
    func summarize(_ manifest: ExportManifest, persona: String, maxPoints: Int) async throws -> SummaryOutcome
}
