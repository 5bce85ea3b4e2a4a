import Foundation
import Hummingbird
import MinutesCore
import NIOCore

extension APIError {
    /// The client-facing form of any error a route or middleware throws.
    ///
    /// Minutes' own errors keep their message (written for people, free of transcript text);
    /// storage failures and unknown errors become a bare 500, so paths, SQL and stack details
    /// stay in the logs.
    init(mapping error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as MinutesError:
            self = APIError(minutes: error)
        case let error as DecodingError:
            self = APIError(decoding: error)
        case is NIOTooManyBytesError:
            self = APIError(
                .contentTooLarge,
                code: "body_too_large",
                message: "the request body is larger than the limit (MINUTES_MAX_BODY_BYTES)"
            )
        case let error as HTTPError where error.status == .notFound:
            self = APIError.notFound("no such route")
        case let error as any HTTPResponseError where error.status.code < 500:
            self = APIError(
                error.status,
                code: error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_"),
                message: error.status.reasonPhrase
            )
        default:
            self = APIError.internalError
        }
    }

    private init(minutes error: MinutesError) {
        switch error.code {
        case .notFound: self.init(.notFound, code: "not_found", message: error.message)
        case .invalidInput: self.init(.badRequest, code: "invalid_input", message: error.message)
        case .conflict: self.init(.conflict, code: "conflict", message: error.message)
        case .empty: self.init(.unprocessableContent, code: "empty", message: error.message)
        case .unavailable: self.init(.serviceUnavailable, code: "unavailable", message: error.message)
        default: self = .internalError
        }
    }

    /// Names the field and what was wrong with it, never the value that was sent.
    private init(decoding error: DecodingError) {
        func field(_ path: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            let names = (path + (key.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? "the body" : "'" + names.joined(separator: ".") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(
                .badRequest,
                code: "missing_field",
                message: "\(field(context.codingPath, key)) is required"
            )
        case .valueNotFound(_, let context):
            self.init(.badRequest, code: "missing_field", message: "\(field(context.codingPath)) must not be null")
        case .typeMismatch(let type, let context):
            self.init(
                .badRequest,
                code: "wrong_type",
                message: "\(field(context.codingPath)) must be \(Self.jsonName(of: type))"
            )
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self.init(.badRequest, code: "malformed_json", message: "the body is not valid JSON")
        case .dataCorrupted(let context):
            self.init(
                .badRequest,
                code: "invalid_value",
                message: "\(field(context.codingPath)) is not valid: \(context.debugDescription)"
            )
        @unknown default:
            self.init(.badRequest, code: "malformed_json", message: "the body could not be read")
        }
    }

    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
