import Foundation
import Logging
import MinutesCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Calls `POST {base}/chat/completions` on any OpenAI-compatible endpoint (OpenAI, Azure's
/// compatible route, vLLM, llama.cpp's server, Ollama, LM Studio…) and retries what is worth
/// retrying.
///
/// Requests ask for `response_format: {"type": "json_object"}` at `temperature` 0, the most
/// repeatable answer an endpoint offers. The policy for retries is ``LLMRetryPolicy``; time is
/// injected as a `Clock` so tests can check the back-off without waiting for it. Foundation's
/// `URLSession` does the HTTP, so no extra package is needed (`FoundationNetworking` on Linux).
///
/// Nothing here logs or throws the API key, the prompt or the answer: log lines carry the model,
/// attempt, status, timing and token counts, and ``LLMError`` messages are written here from status
/// codes, with any text taken from the endpoint redacted and shortened.
public struct LLMClient: Sendable {
    private let configuration: LLMConfiguration
    private let session: URLSession
    private let clock: any Clock<Duration>
    private let logger: Logger

    /// - Parameters:
    ///   - configuration: the endpoint, key, model, time-out and retry policy.
    ///   - logger: receives a debug line per attempt and retry, never content.
    ///   - clock: what back-off and `Retry-After` pauses sleep on.
    public init(
        configuration: LLMConfiguration,
        logger: Logger,
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        // Only a backstop: ``answer(to:)`` enforces the exact time-out. swift-corelibs-foundation
        // truncates these intervals to whole seconds, so a sub-second one would fire at once.
        let backstop = Self.seconds(configuration.timeout).rounded(.up) + 1
        sessionConfiguration.timeoutIntervalForRequest = backstop
        sessionConfiguration.timeoutIntervalForResource = backstop
        sessionConfiguration.urlCache = nil
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.httpShouldSetCookies = false
        self.session = URLSession(configuration: sessionConfiguration)
    }

    /// Sends `messages` to the configured model and returns the first choice.
    ///
    /// - Returns: the answer's content (possibly empty, for the caller to judge) and its usage.
    /// - Throws: ``LLMError`` once the retries allowed by the policy are spent or the failure is
    ///   not worth retrying; `CancellationError` when the task is cancelled.
    public func complete(_ messages: [LLMMessage]) async throws -> LLMCompletion {
        let body = try Self.encoder.encode(
            ChatRequest(model: configuration.model, messages: messages, responseFormat: .init(type: "json_object"))
        )
        let policy = configuration.retry
        var generator = SystemRandomNumberGenerator()
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let failure: Failure
            do {
                return try await send(body, attempt: attempt)
            } catch let caught as Failure {
                failure = caught
            }
            guard failure.error.isRetryable, attempt < max(1, policy.maxAttempts) else {
                throw failure.error.afterAttempts(attempt)
            }
            let delay: Duration
            if let retryAfter = failure.retryAfter {
                guard retryAfter <= policy.maxRetryAfter else {
                    throw LLMError(
                        .rateLimited,
                        "\(configuration.endpointDescription) is rate limiting (HTTP 429) and asked to wait "
                            + "\(Self.wholeSeconds(retryAfter)) s, longer than the "
                            + "\(Self.wholeSeconds(policy.maxRetryAfter)) s Minutes waits",
                        status: 429
                    )
                }
                delay = retryAfter
            } else {
                delay = policy.backoff(afterAttempt: attempt, using: &generator)
            }
            logger.debug(
                "retrying chat completion",
                metadata: [
                    "llm.attempt": "\(attempt)",
                    "llm.failure": "\(failure.error.code)",
                    "llm.retry_in_ms": "\(Self.milliseconds(delay))",
                ]
            )
            try await clock.sleep(for: delay)
        }
    }

    // MARK: - One attempt

    /// A failed attempt, with the pause the endpoint asked for when it said.
    private struct Failure: Error {
        var error: LLMError
        var retryAfter: Duration?
    }

    private func send(_ body: Data, attempt: Int) async throws -> LLMCompletion {
        var request = URLRequest(
            url: configuration.chatCompletionsURL,
            cachePolicy: .reloadIgnoringLocalCacheData,
            timeoutInterval: Self.seconds(configuration.timeout).rounded(.up) + 1
        )
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("minutes", forHTTPHeaderField: "User-Agent")
        if let key = configuration.apiKey, !key.value.isEmpty {
            request.setValue("Bearer \(key.value)", forHTTPHeaderField: "Authorization")
        }
        request.httpBody = body

        let started = ContinuousClock.now
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await answer(to: request)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw Failure(error: transportError(error), retryAfter: nil)
        }
        let elapsed = ContinuousClock.now - started
        guard let http = response as? HTTPURLResponse else {
            throw Failure(error: LLMError(.invalidResponse, "the endpoint's answer is not HTTP"), retryAfter: nil)
        }
        logger.debug(
            "chat completion answered",
            metadata: [
                "llm.model": "\(configuration.model)",
                "llm.attempt": "\(attempt)",
                "llm.status": "\(http.statusCode)",
                "llm.elapsed_ms": "\(Self.milliseconds(elapsed))",
                "llm.response_bytes": "\(data.count)",
            ]
        )
        switch http.statusCode {
        case 200..<300:
            return try completion(from: data)
        case 429:
            throw Failure(
                error: LLMError(
                    .rateLimited,
                    "\(configuration.endpointDescription) is rate limiting (HTTP 429)",
                    status: 429
                ),
                retryAfter: Self.retryAfter(http.value(forHTTPHeaderField: "Retry-After"))
            )
        case 408, 500..<600:
            throw Failure(
                error: LLMError(
                    .serverError,
                    "\(configuration.endpointDescription) answered HTTP \(http.statusCode)"
                        + serverMessage(in: data).map { ": \($0)" }.orEmpty,
                    status: http.statusCode
                ),
                retryAfter: nil
            )
        case 401, 403:
            // The endpoint's own message is left out: several echo part of the key they refused.
            throw Failure(
                error: LLMError(
                    .unauthorized,
                    "\(configuration.endpointDescription) refused the API key (HTTP \(http.statusCode)); "
                        + "check MINUTES_LLM_API_KEY",
                    status: http.statusCode
                ),
                retryAfter: nil
            )
        default:
            throw Failure(
                error: LLMError(
                    .rejected,
                    "\(configuration.endpointDescription) refused the request (HTTP \(http.statusCode))"
                        + serverMessage(in: data).map { ": \($0)" }.orEmpty,
                    status: http.statusCode
                ),
                retryAfter: nil
            )
        }
    }

    /// The answer to `request`, or `URLError(.timedOut)` once the configured time-out has passed.
    ///
    /// The deadline is kept here, on the real clock, rather than left to `URLSession`: on Linux its
    /// time-outs are whole seconds and measure idleness, so an endpoint trickling bytes could keep
    /// a request open for ever. The time-out is therefore the whole time one attempt may take.
    private func answer(to request: URLRequest) async throws -> (Data, URLResponse) {
        let session = session
        let timeout = configuration.timeout
        return try await withThrowingTaskGroup(of: (Data, URLResponse)?.self) { group in
            group.addTask { try await session.data(for: request) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let answer = first else {
                throw URLError(.timedOut)
            }
            return answer
        }
    }

    private func completion(from data: Data) throws -> LLMCompletion {
        guard let envelope = try? JSONDecoder().decode(ChatResponse.self, from: data),
            let choice = envelope.choices.first
        else {
            throw Failure(
                error: LLMError(.invalidResponse, "the endpoint's answer is not a chat completion", status: 200),
                retryAfter: nil
            )
        }
        let usage = TokenUsage(
            requests: 1,
            promptTokens: envelope.usage?.promptTokens ?? 0,
            completionTokens: envelope.usage?.completionTokens ?? 0
        )
        return LLMCompletion(content: choice.message?.content ?? "", usage: usage, model: envelope.model)
    }

    private func transportError(_ error: any Error) -> LLMError {
        let endpoint = configuration.endpointDescription
        guard let urlError = error as? URLError else {
            return LLMError(.unreachable, "cannot reach \(endpoint)")
        }
        switch urlError.code {
        case .timedOut:
            return LLMError(
                .timedOut,
                "\(endpoint) did not answer within \(Self.wholeSeconds(configuration.timeout)) s"
            )
        case .cannotConnectToHost:
            return LLMError(.unreachable, "cannot connect to \(endpoint) (connection refused)")
        case .cannotFindHost, .dnsLookupFailed:
            return LLMError(.unreachable, "cannot find the host of \(endpoint)")
        case .networkConnectionLost:
            return LLMError(.unreachable, "\(endpoint) closed the connection before answering")
        case .notConnectedToInternet:
            return LLMError(.unreachable, "cannot reach \(endpoint): no network")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return LLMError(.unreachable, "cannot reach \(endpoint): the TLS connection failed")
        default:
            return LLMError(.unreachable, "cannot reach \(endpoint) (URL error \(urlError.code.rawValue))")
        }
    }

    /// The `error.message` of an OpenAI-style error body, on one line, shortened and redacted.
    private func serverMessage(in data: Data) -> String? {
        guard let body = try? JSONDecoder().decode(ErrorResponse.self, from: data), let message = body.error?.message
        else { return nil }
        let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let short = trimmed.count > 160 ? trimmed.prefix(160) + "…" : Substring(trimmed)
        return configuration.redact(String(short))
    }

    // MARK: - Helpers

    /// `Retry-After` as delay seconds (`"7"`, `"1.5"`) or an HTTP date; `nil` when absent or unreadable.
    static func retryAfter(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds.isFinite, seconds >= 0 {
            return .milliseconds(Int64((min(seconds, 86_400) * 1000).rounded()))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        let seconds = max(0, min(date.timeIntervalSince(now), 86_400))
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// Seconds for messages: whole when whole (`30`), otherwise one decimal (`0.5`).
    private static func wholeSeconds(_ duration: Duration) -> String {
        let value = seconds(duration)
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

// MARK: - Wire format

private struct ChatRequest: Encodable {
    struct ResponseFormat: Encodable {
        var type: String
    }

    var model: String
    var messages: [LLMMessage]
    var responseFormat: ResponseFormat
    var temperature = 0

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature
        case responseFormat = "response_format"
    }
}

private struct ChatResponse: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable {
            var content: String?
        }
        var message: Message?
    }

    struct Usage: Decodable {
        var promptTokens: Int?
        var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }

    var choices: [Choice]
    var usage: Usage?
    var model: String?
}

private struct ErrorResponse: Decodable {
    struct Body: Decodable {
        var message: String?
    }
    var error: Body?
}

extension LLMError {
    /// The same error, its message saying how many attempts were made when there was more than one.
    fileprivate func afterAttempts(_ attempts: Int) -> LLMError {
        guard attempts > 1 else { return self }
        return LLMError(code, "\(message) (\(attempts) attempts)", status: status)
    }
}

extension String? {
    fileprivate var orEmpty: String { self ?? "" }
}
