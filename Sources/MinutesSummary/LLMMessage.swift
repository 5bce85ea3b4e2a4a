/// One message of a chat completion request, as OpenAI-compatible endpoints take it.
public struct LLMMessage: Hashable, Sendable, Codable {
    /// Who speaks: the instructions (`system`), the request (`user`) or the model (`assistant`).
    public enum Role: String, Hashable, Sendable, Codable {
        case system, user, assistant
    }

    public var role: Role
    public var content: String

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }

    public static func system(_ content: String) -> LLMMessage { LLMMessage(role: .system, content: content) }
    public static func user(_ content: String) -> LLMMessage { LLMMessage(role: .user, content: content) }
}
