import Foundation
import MinutesCore

/// How to reach an OpenAI-compatible chat endpoint, read from the environment.
///
/// | variable | type | default |
/// |---|---|---|
/// | `MINUTES_LLM_BASE_URL` | http(s) URL | `https://api.openai.com/v1` |
/// | `MINUTES_LLM_API_KEY` | secret | `OPENAI_API_KEY`, else none (local servers need none) |
/// | `MINUTES_LLM_MODEL` | string | `gpt-4o-mini` |
/// | `MINUTES_LLM_TIMEOUT_SECONDS` | seconds > 0 | `60` |
/// | `MINUTES_LLM_MAX_ATTEMPTS` | 1…10 | `3` |
/// | `MINUTES_LLM_CONTEXT_TOKENS` | ≥ 2048 | `16000` |
///
/// Only the `MINUTES_LLM_*` variables ask for the LLM (``isRequested``): a developer's
/// `OPENAI_API_KEY`, set for other tools, supplies the key but never on its own sends a meeting
/// to a hosted model. The key is an ``LLMAPIKey`` and ``description`` never shows it; the base
/// URL is shown without user info or query, where keys sometimes hide.
public struct LLMConfiguration: Sendable, CustomStringConvertible {
    public static let defaultBaseURL = URL(string: "https://api.openai.com/v1")!
    public static let defaultModel = "gpt-4o-mini"

    /// The endpoint's root; requests go to `{baseURL}/chat/completions`.
    public var baseURL: URL
    /// Sent as `Authorization: Bearer …` when present.
    public var apiKey: LLMAPIKey?
    public var model: String
    /// How long one request may go without an answer before it counts as timed out and is retried.
    public var timeout: Duration
    /// Attempts, back-off and the `Retry-After` cap for one chat completion.
    public var retry: LLMRetryPolicy
    /// The model's context window in tokens; longer transcripts are summarized in chunks that fit.
    public var contextTokens: Int
    /// Tokens of the window kept free for the answer.
    public var replyTokens: Int
    /// Whether a `MINUTES_LLM_*` variable asked for the LLM summarizer.
    public var isRequested: Bool

    public init(
        baseURL: URL = LLMConfiguration.defaultBaseURL,
        apiKey: LLMAPIKey? = nil,
        model: String = LLMConfiguration.defaultModel,
        timeout: Duration = .seconds(60),
        retry: LLMRetryPolicy = LLMRetryPolicy(),
        contextTokens: Int = 16_000,
        replyTokens: Int = 2_000,
        isRequested: Bool = true
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.model = model
        self.timeout = timeout
        self.retry = retry
        self.contextTokens = contextTokens
        self.replyTokens = replyTokens
        self.isRequested = isRequested
    }

    /// Reads the variables in the table above.
    ///
    /// - Throws: ``MinutesError`` `.invalidInput` naming the variable whose value cannot be used.
    ///   Messages never repeat the key or a base URL (which may carry credentials).
    public init(environment: [String: String]) throws {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty
            else { return nil }
            return raw
        }
        self.init()
        isRequested = ["MINUTES_LLM_BASE_URL", "MINUTES_LLM_API_KEY", "MINUTES_LLM_MODEL"].contains {
            value($0) != nil
        }
        if let raw = value("MINUTES_LLM_BASE_URL") {
            guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(),
                ["http", "https"].contains(scheme),
                url.host?.isEmpty == false
            else {
                throw MinutesError(
                    .invalidInput,
                    "MINUTES_LLM_BASE_URL must be an http or https URL such as https://api.openai.com/v1"
                )
            }
            baseURL = url
        }
        apiKey = (value("MINUTES_LLM_API_KEY") ?? value("OPENAI_API_KEY")).map(LLMAPIKey.init)
        model = value("MINUTES_LLM_MODEL") ?? Self.defaultModel
        if let raw = value("MINUTES_LLM_TIMEOUT_SECONDS") {
            guard let seconds = Double(raw), seconds.isFinite, seconds > 0 else {
                throw MinutesError(
                    .invalidInput,
                    "MINUTES_LLM_TIMEOUT_SECONDS must be a number of seconds above 0, got '\(raw.prefix(20))'"
                )
            }
            timeout = .milliseconds(Int64((seconds * 1000).rounded()))
        }
        if let raw = value("MINUTES_LLM_MAX_ATTEMPTS") {
            guard let attempts = Int(raw), (1...10).contains(attempts) else {
                throw MinutesError(
                    .invalidInput,
                    "MINUTES_LLM_MAX_ATTEMPTS must be a whole number from 1 to 10, got '\(raw.prefix(20))'"
                )
            }
            retry.maxAttempts = attempts
        }
        if let raw = value("MINUTES_LLM_CONTEXT_TOKENS") {
            guard let tokens = Int(raw), tokens >= 2048 else {
                throw MinutesError(
                    .invalidInput,
                    "MINUTES_LLM_CONTEXT_TOKENS must be a whole number of at least 2048, got '\(raw.prefix(20))'"
                )
            }
            contextTokens = tokens
        }
    }

    /// `{baseURL}/chat/completions`, whether or not the base URL ends with a slash.
    public var chatCompletionsURL: URL {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return URL(string: text + "/chat/completions") ?? baseURL.appendingPathComponent("chat/completions")
    }

    /// Scheme, host and port of the endpoint, for messages: never user info, path or query.
    public var endpointDescription: String {
        var components = URLComponents()
        components.scheme = baseURL.scheme
        components.host = baseURL.host
        components.port = baseURL.port
        return components.string ?? "the LLM endpoint"
    }

    public var description: String {
        "LLMConfiguration(endpoint: \(endpointDescription), model: \(model), apiKey: "
            + "\(apiKey == nil ? "none" : LLMAPIKey.placeholder), timeout: \(timeout), "
            + "attempts: \(retry.maxAttempts), context: \(contextTokens) tokens)"
    }

    /// `text` with the key, if any, replaced by a placeholder.
    func redact(_ text: String) -> String {
        apiKey?.redact(text) ?? text
    }
}
