/// Why a chat completion failed, precise enough to decide whether to try again.
///
/// It is separate from ``MinutesError`` because none of these reach the user as errors: the
/// ``LLMSummarizer`` turns them into the reason the offline summarizer answered instead. The
/// message is written by Minutes itself (status codes, time-outs, a redacted and shortened server
/// message); it never holds the API key, the prompt or the transcript. Errors compare by code.
public struct LLMError: Error, CustomStringConvertible, Equatable {
    /// What kind of failure it was.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// No answer within the configured time-out.
        public static let timedOut = Code("timed_out")
        /// The endpoint could not be reached (refused, unknown host, TLS failure, connection lost).
        public static let unreachable = Code("unreachable")
        /// HTTP 429, after the allowed retries or with a `Retry-After` beyond the cap.
        public static let rateLimited = Code("rate_limited")
        /// HTTP 5xx or 408, after the allowed retries.
        public static let serverError = Code("server_error")
        /// HTTP 401 or 403: the key is missing, wrong or not allowed to use the model.
        public static let unauthorized = Code("unauthorized")
        /// Any other HTTP 4xx: the request itself was refused (unknown model, bad parameters).
        public static let rejected = Code("rejected")
        /// A 2xx answer that is not a chat completion, or whose content is not the summary asked for.
        public static let invalidResponse = Code("invalid_response")

        public var description: String { name }
    }

    public let code: Code
    public let message: String
    /// The HTTP status, when the endpoint answered.
    public let status: Int?

    public init(_ code: Code, _ message: String, status: Int? = nil) {
        self.code = code
        self.message = message
        self.status = status
    }

    public var description: String { message }

    /// Whether another attempt may succeed where this one failed.
    public var isRetryable: Bool {
        [.timedOut, .unreachable, .rateLimited, .serverError].contains(code)
    }

    public static func == (lhs: LLMError, rhs: LLMError) -> Bool { lhs.code == rhs.code }
}
