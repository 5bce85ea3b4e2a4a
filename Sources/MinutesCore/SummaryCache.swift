/// Where paid-for LLM summaries are remembered, and what each session's summaries cost.
///
/// A summary from a hosted model costs money and time, and the same request (same model, persona,
/// prompt version and transcript) gives an equivalent answer, so the LLM summarizer looks here
/// before it calls out and stores what it got back. Keys are opaque digests computed by the
/// summarizer; the store only compares them.
///
/// Cached summaries quote the meeting, so they follow the session's privacy rules: an entry made
/// for a session goes when the session is deleted, and ``removeCachedSummaries(of:)`` must run
/// whenever the session's stored summary is dropped (forgetting a speaker), because the cached
/// summary may name or quote the forgotten person.
///
/// ``TokenUsage`` lives beside the port because the two only make sense together.
public protocol SummaryCache: Sendable {
    /// The summary stored under `key`, or `nil` when none is.
    func cachedSummary(forKey key: String) async throws -> Summary?

    /// Stores `summary` under `key`, replacing any earlier one.
    ///
    /// - Parameters:
    ///   - summary: what the model answered, validated.
    ///   - key: the digest of model, persona, prompt version and transcript.
    ///   - label: model, persona and prompt version in clear, so entries can be listed and pruned.
    ///   - session: the session it was made for, whose deletion removes it; `nil` for a one-off file.
    /// - Throws: ``MinutesError`` `.notFound` when `session` does not exist.
    func storeSummary(
        _ summary: Summary,
        forKey key: String,
        label: SummaryCacheLabel,
        session: SessionID?
    )
        async throws

    /// Removes every cached summary made for `session`.
    ///
    /// - Returns: how many entries were removed.
    @discardableResult func removeCachedSummaries(of session: SessionID) async throws -> Int

    /// Removes every cached summary, for `cache clear` and for tests.
    ///
    /// - Returns: how many entries were removed.
    @discardableResult func removeAllCachedSummaries() async throws -> Int

    /// Adds `usage` to what `session` has spent on `model` so far.
    ///
    /// - Throws: ``MinutesError`` `.notFound` when `session` does not exist.
    func recordTokenUsage(_ usage: TokenUsage, model: String, for session: SessionID) async throws

    /// What `session` has spent, per model; empty when it never called a model.
    func tokenUsage(of session: SessionID) async throws -> [String: TokenUsage]
}

/// What a cache entry was made with, kept in clear next to the opaque key.
public struct SummaryCacheLabel: Hashable, Sendable, Codable {
    public var model: String
    public var persona: String
    public var promptVersion: String

    public init(model: String, persona: String, promptVersion: String) {
        self.model = model
        self.persona = persona
        self.promptVersion = promptVersion
    }
}

/// Tokens spent on a model, as the endpoint reported them in `usage`.
public struct TokenUsage: Hashable, Sendable, Codable {
    /// How many chat completions were answered, including ones whose output was rejected.
    public var requests: Int
    public var promptTokens: Int
    public var completionTokens: Int

    public var totalTokens: Int { promptTokens + completionTokens }

    public static let zero = TokenUsage(requests: 0, promptTokens: 0, completionTokens: 0)

    public init(requests: Int, promptTokens: Int, completionTokens: Int) {
        self.requests = requests
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(
            requests: lhs.requests + rhs.requests,
            promptTokens: lhs.promptTokens + rhs.promptTokens,
            completionTokens: lhs.completionTokens + rhs.completionTokens
        )
    }

    public static func += (lhs: inout TokenUsage, rhs: TokenUsage) {
        lhs = lhs + rhs
    }
}
