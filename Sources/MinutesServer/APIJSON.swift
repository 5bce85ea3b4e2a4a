import Foundation

/// How the API writes and reads JSON.
///
/// Responses use snake_case keys (`session_id`, `action_items`) derived from the Swift names, so
/// domain values such as `Segment` and `Summary` are served as they are, without a parallel set
/// of response types; ISO 8601 dates; sorted keys, so the same state always gives the same bytes.
/// Request bodies declare their snake_case keys explicitly, because decoding's automatic
/// conversion would turn `session_id` into `sessionId`, not `sessionID`.
enum APIJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
