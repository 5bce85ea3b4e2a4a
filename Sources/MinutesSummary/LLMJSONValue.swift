/// Any JSON value, decoded without a schema so that a model's answer can be checked key by key.
///
/// `Codable` structs would reject an answer at the first surprise with a message naming Swift
/// types; walking this value instead lets ``LLMSummaryValidator`` say exactly what was wrong
/// ("'action_items[2].text' is not a string") and tell the model on the retry.
enum LLMJSONValue: Hashable, Sendable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([LLMJSONValue])
    case object([String: LLMJSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([LLMJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: LLMJSONValue].self))
        }
    }

    /// What the value is, for messages (`a string`, `null`, `an array`).
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
