import Logging
import MinutesCore

/// The ``Summarizer`` sessions use: the LLM when one is configured and asked for, the
/// offline summarizer otherwise (and whenever the LLM fails).
public struct MeetingSummarizer: Summarizer {
    private let offline: OfflineSummarizer
    private let llm: LLMSummarizer?
    private let personas: PersonaLibrary

    /// - Parameter llm: the LLM summarizer, or nil to summarize offline only.
    public init(personas: PersonaLibrary, llm: LLMSummarizer?, logger: Logger) {
        self.offline = OfflineSummarizer(logger: logger)
        self.llm = llm
        self.personas = personas
    }

    public func summarize(_ manifest: ExportManifest, persona: String, maxPoints: Int) async throws -> SummaryOutcome {
        try await summarize(
            SummaryInput(manifest: manifest),
            persona: persona,
            session: manifest.session.id,
            maxPoints: maxPoints
        )
    }

    /// Summarizes turns that may not belong to a session (a transcript file).
    /// - Parameter session: the session whose token ledger an LLM call is charged to, if any.
    public func summarize(
        _ input: SummaryInput,
        persona: String,
        session: SessionID?,
        maxPoints: Int
    ) async throws -> SummaryOutcome {
        // An unknown persona is an error even offline, so a typo never goes unnoticed.
        _ = try personas.persona(named: persona)
        guard let llm else {
            return SummaryOutcome(summary: try offline.summarize(input, maxPoints: maxPoints))
        }
        let result = try await llm.summarize(input, persona: persona, session: session, maxPoints: maxPoints)
        return SummaryOutcome(summary: result.summary, fallbackReason: result.fallbackReason, cacheHit: result.cacheHit)
    }
}
