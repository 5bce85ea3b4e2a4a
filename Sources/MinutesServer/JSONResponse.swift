import Hummingbird

/// Sends a domain value (a `Summary`, a `Session`) as a JSON response without declaring the
/// domain types themselves responses, which would tie MinutesCore's types to Hummingbird.
struct JSONResponse<Value: Encodable & Sendable>: ResponseEncodable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
