import MinutesCore

/// What a chat completion answered: the first choice's text and the tokens it cost.
public struct LLMCompletion: Hashable, Sendable {
    /// `choices[0].message.content`.
    public var content: String
    /// `usage`, counted as one request; zero tokens when the endpoint did not report any.
    public var usage: TokenUsage
    /// The model that answered, as the endpoint named it, when it did.
    public var model: String?

    public init(content: String, usage: TokenUsage, model: String? = nil) {
        self.content = content
        self.usage = usage
        self.model = model
    }
}
