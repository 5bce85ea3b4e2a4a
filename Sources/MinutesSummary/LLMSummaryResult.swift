import MinutesCore

/// What ``LLMSummarizer`` made, and how: from the model, from the cache, or offline instead.
public struct LLMSummaryResult: Hashable, Sendable {
    /// The summary; its ``Summary/source`` is `llm:<model>`, or `offline (LLM unavailable: <reason>)`.
    public var summary: Summary
    /// Why the offline summarizer answered, or `nil` when the model did.
    ///
    /// Written by Minutes from status codes and time-outs; it never contains the API key or transcript.
    public var fallbackReason: String?
    /// Whether the summary came from the cache, with no request made.
    public var cacheHit: Bool
    /// Tokens spent by this call, including answers that were rejected; zero on a cache hit.
    public var usage: TokenUsage
    /// How many parts the transcript was summarized in (1 when it fit at once, 0 on a cache hit).
    public var chunks: Int

    public init(summary: Summary, fallbackReason: String?, cacheHit: Bool, usage: TokenUsage, chunks: Int) {
        self.summary = summary
        self.fallbackReason = fallbackReason
        self.cacheHit = cacheHit
        self.usage = usage
        self.chunks = chunks
    }

    /// Whether the summary is the model's (fresh or cached).
    public var isFromLLM: Bool { fallbackReason == nil }
}
