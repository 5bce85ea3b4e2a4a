import Foundation
import Logging
import MinutesCore

/// Summarizes a meeting with an OpenAI-compatible chat model, and falls back to the
/// ``OfflineSummarizer`` whenever the model cannot give a usable answer.
///
/// One call goes like this:
/// 1. The persona is looked up (an unknown one is an error listing the known ones) and the
///    transcript is rendered as `[hh:mm:ss] Speaker: text` lines.
/// 2. The ``SummaryCache`` is asked for the request's key (model, persona, prompt version,
///    transcript); a hit is returned with no request made, so the same summary is never paid twice.
/// 3. A transcript that does not fit the context window is split into chunks, each summarized on its
///    own, and the parts are merged by one more request (or, when even the parts are too long for
///    that, by ``LLMSummaryMerger``).
/// 4. Every answer is validated (``LLMSummaryValidator``); an unusable one is asked for once more with
///    the problem spelled out, and a second failure, like an endpoint that is down, rate limiting or
///    slow beyond its retries, hands the meeting to the offline summarizer. That summary's source
///    says so: `offline (LLM unavailable: <reason>)`.
/// 5. Tokens spent are added to the session's ledger; a summary from the model is cached.
///
/// Neither the transcript, the answer nor the API key is logged or put in an error; log lines carry
/// counts, timings, the persona, the model and the reason for a fallback.
public struct LLMSummarizer: Sendable {
    private let configuration: LLMConfiguration
    private let personas: PersonaLibrary
    private let cache: (any SummaryCache)?
    private let client: LLMClient
    private let offline: OfflineSummarizer
    private let logger: Logger

    /// - Parameters:
    ///   - configuration: the endpoint, key and model; see ``LLMConfiguration``.
    ///   - personas: the prompts sessions may choose from.
    ///   - cache: where answers are cached and tokens recorded; `nil` caches nothing.
    ///   - logger: receives counts, timings and fallback reasons, never text.
    ///   - clock: what retries sleep on; tests pass one that does not wait.
    public init(
        configuration: LLMConfiguration,
        personas: PersonaLibrary,
        cache: (any SummaryCache)? = nil,
        logger: Logger,
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.configuration = configuration
        self.personas = personas
        self.cache = cache
        self.logger = logger
        self.client = LLMClient(configuration: configuration, logger: logger, clock: clock)
        self.offline = OfflineSummarizer(logger: logger)
    }

    /// The ``Summary/source`` of summaries the model made.
    public var source: String { "llm:\(configuration.model)" }

    /// Summarizes `input` as `persona` would have it minuted.
    ///
    /// - Parameters:
    ///   - input: the turns of the meeting and its date.
    ///   - persona: a persona name or alias (`standup`, `one on one`).
    ///   - session: the session the summary is for, whose token ledger is charged and whose deletion
    ///     removes the cached answer; `nil` for a transcript file that is not a session.
    ///   - maxPoints: how many key points to list, at most.
    /// - Returns: the summary, with how it was made. A model that fails never makes this throw.
    /// - Throws: ``MinutesError`` `.invalidInput` for an unknown persona (the message lists the known
    ///   ones) or a negative `maxPoints`, `.empty` when there is no speech to summarize;
    ///   `CancellationError` when the task is cancelled.
    public func summarize(
        _ input: SummaryInput,
        persona: String = PersonaLibrary.defaultPersona,
        session: SessionID? = nil,
        maxPoints: Int = OfflineSummarizer.defaultMaxPoints
    ) async throws -> LLMSummaryResult {
        guard maxPoints >= 0 else {
            throw MinutesError(.invalidInput, "max_points must be 0 or more, got \(maxPoints)")
        }
        let chosen = try personas.persona(named: persona)
        let lines = LLMPrompt.transcriptLines(of: input)
        guard !lines.isEmpty else {
            // The offline summarizer words the `.empty` error for every summarizer.
            _ = try offline.summarize(input, maxPoints: maxPoints)
            throw MinutesError(.empty, "nothing to summarize: the session has no transcribed speech")
        }
        let prompt = LLMPrompt(persona: chosen, maxPoints: maxPoints, input: input)
        let key = LLMCacheKey(model: configuration.model, prompt: prompt, lines: lines)
        var metadata: Logger.Metadata = [
            "llm.model": "\(configuration.model)",
            "llm.persona": "\(chosen.name)",
            "llm.cache_key": "\(key.digest.prefix(12))",
        ]
        if let session { metadata["session.id"] = "\(session)" }

        if let cached = await cachedSummary(key, metadata: metadata) {
            logger.debug("LLM summary served from the cache", metadata: metadata)
            return LLMSummaryResult(summary: cached, fallbackReason: nil, cacheHit: true, usage: .zero, chunks: 0)
        }

        let started = ContinuousClock.now
        var usage = TokenUsage.zero
        var chunkCount = 0
        let outcome: Result<Summary, LLMError>
        do {
            let budget = prompt.transcriptBudget(
                contextTokens: configuration.contextTokens,
                replyTokens: configuration.replyTokens
            )
            guard budget >= 64 else {
                throw LLMError(
                    .rejected,
                    "a context window of \(configuration.contextTokens) tokens is too small for the prompt"
                )
            }
            let chunks = LLMTranscriptChunker.chunks(of: lines, budget: budget)
            chunkCount = chunks.count
            outcome = .success(try await summarize(chunks, prompt: prompt, usage: &usage))
        } catch let error as LLMError {
            outcome = .failure(error)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            outcome = .failure(LLMError(.invalidResponse, "unexpected \(type(of: error)) while asking the model"))
        }

        metadata["llm.chunks"] = "\(chunkCount)"
        metadata["llm.requests"] = "\(usage.requests)"
        metadata["llm.prompt_tokens"] = "\(usage.promptTokens)"
        metadata["llm.completion_tokens"] = "\(usage.completionTokens)"
        metadata["llm.elapsed_ms"] = "\(Self.milliseconds(ContinuousClock.now - started))"
        await record(usage, for: session, metadata: metadata)

        switch outcome {
        case .success(let summary):
            logger.debug("LLM summary made", metadata: metadata)
            await store(summary, key: key, session: session, metadata: metadata)
            return LLMSummaryResult(
                summary: summary,
                fallbackReason: nil,
                cacheHit: false,
                usage: usage,
                chunks: chunkCount
            )
        case .failure(let error):
            let reason = configuration.redact(error.message)
            metadata["llm.failure"] = "\(error.code)"
            metadata["llm.reason"] = "\(reason)"
            logger.info("LLM summary unavailable; the offline summarizer answers instead", metadata: metadata)
            var summary = try offline.summarize(input, maxPoints: maxPoints)
            summary.source = "\(OfflineSummarizer.source) (LLM unavailable: \(reason))"
            return LLMSummaryResult(
                summary: summary,
                fallbackReason: reason,
                cacheHit: false,
                usage: usage,
                chunks: chunkCount
            )
        }
    }

    // MARK: - Requests

    private func summarize(_ chunks: [[String]], prompt: LLMPrompt, usage: inout TokenUsage) async throws -> Summary {
        let validator = LLMSummaryValidator(maxPoints: prompt.maxPoints, source: source)
        guard chunks.count > 1 else {
            return try await ask(
                prompt.summaryMessages(lines: chunks[0]),
                prompt: prompt,
                validator: validator,
                usage: &usage
            )
        }
        var partials: [Summary] = []
        for (offset, chunk) in chunks.enumerated() {
            let messages = prompt.summaryMessages(lines: chunk, part: (offset + 1, chunks.count))
            partials.append(try await ask(messages, prompt: prompt, validator: validator, usage: &usage))
        }
        let merge = prompt.mergeMessages(partials: partials)
        let mergeTokens = merge.reduce(LLMPrompt.messageOverheadTokens) { $0 + LLMPrompt.estimatedTokens($1.content) }
        guard mergeTokens <= configuration.contextTokens - configuration.replyTokens else {
            logger.debug("part summaries too long to merge by request; merging them here", metadata: [:])
            return LLMSummaryMerger.merge(partials, maxPoints: prompt.maxPoints, source: source)
        }
        return try await ask(merge, prompt: prompt, validator: validator, usage: &usage)
    }

    /// One validated answer to `messages`: asked again once, with the problem spelled out, when the
    /// first answer is unusable.
    private func ask(
        _ messages: [LLMMessage],
        prompt: LLMPrompt,
        validator: LLMSummaryValidator,
        usage: inout TokenUsage
    ) async throws -> Summary {
        var request = messages
        var problem = ""
        for attempt in 1...2 {
            do {
                let completion = try await client.complete(request)
                usage += completion.usage
                return try validator.summary(from: completion.content)
            } catch let rejected as LLMSummaryValidator.Problem {
                problem = rejected.description
            } catch let error as LLMError where error.code == .invalidResponse {
                problem = error.message
            }
            logger.debug(
                "unusable LLM answer",
                metadata: ["llm.model": "\(configuration.model)", "llm.try": "\(attempt)", "llm.problem": "\(problem)"]
            )
            request = messages + [prompt.correction(problem)]
        }
        throw LLMError(.invalidResponse, "the model's answer was unusable twice (\(problem))")
    }

    // MARK: - Cache and ledger

    /// The cached summary, if any; a cache that fails is logged and treated as a miss, since the
    /// summary can still be made.
    private func cachedSummary(_ key: LLMCacheKey, metadata: Logger.Metadata) async -> Summary? {
        guard let cache else { return nil }
        do {
            return try await cache.cachedSummary(forKey: key.digest)
        } catch {
            logger.info(
                "cannot read the LLM summary cache",
                metadata: metadata.merging(Self.errorMetadata(error)) { $1 }
            )
            return nil
        }
    }

    private func store(_ summary: Summary, key: LLMCacheKey, session: SessionID?, metadata: Logger.Metadata) async {
        guard let cache else { return }
        do {
            try await cache.storeSummary(summary, forKey: key.digest, label: key.label, session: session)
        } catch {
            logger.info(
                "cannot store the LLM summary in the cache",
                metadata: metadata.merging(Self.errorMetadata(error)) { $1 }
            )
        }
    }

    private func record(_ usage: TokenUsage, for session: SessionID?, metadata: Logger.Metadata) async {
        guard let cache, let session, usage.requests > 0 else { return }
        do {
            try await cache.recordTokenUsage(usage, model: configuration.model, for: session)
        } catch {
            logger.info("cannot record LLM token usage", metadata: metadata.merging(Self.errorMetadata(error)) { $1 })
        }
    }

    /// The error's type and, for Minutes' own errors, its code: store errors may quote SQL arguments.
    private static func errorMetadata(_ error: any Error) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["error.type": "\(type(of: error))"]
        if let error = error as? MinutesError { metadata["error.code"] = "\(error.code)" }
        return metadata
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
