import Foundation
import Hummingbird
import NIOFoundationCompat

/// An error answered to the client as `{"error": {"code", "message", "request_id"}}` with its
/// HTTP status.
///
/// `code` is a stable, machine-readable word (`invalid_base64`, `not_found`); `message` is for
/// people and never contains transcript text, voice prints or internals.
public struct APIError: HTTPResponseError, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Extra headers the status calls for (`Retry-After`, `Allow`).
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// The body the client receives.
    struct Body: Codable, Equatable {
        struct Detail: Codable, Equatable {
            var code: String
            var message: String
            var requestID: String
        }

        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let requestID = (context as? MinutesRequestContext)?.requestID ?? ""
        let body = Body(error: .init(code: code, message: message, requestID: requestID))
        var response = Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(data: try APIJSON.encoder().encode(body)))
        )
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension APIError {
    static func badRequest(_ code: String, _ message: String) -> APIError {
        APIError(.badRequest, code: code, message: message)
    }

    static func notFound(_ message: String) -> APIError {
        APIError(.notFound, code: "not_found", message: message)
    }

    static let unauthorized = APIError(
        .unauthorized,
        code: "unauthorized",
        message: "a valid API key is required in the x-api-key header"
    )

    static func tooManyRequests(retryAfter seconds: Int) -> APIError {
        APIError(
            .tooManyRequests,
            code: "rate_limited",
            message: "too many requests; retry after \(seconds) s",
            headers: [.retryAfter: String(seconds)]
        )
    }

    static func contentTooLarge(limit: Int) -> APIError {
        APIError(
            .contentTooLarge,
            code: "body_too_large",
            message: "the request body is larger than the \(limit)-byte limit (MINUTES_MAX_BODY_BYTES)"
        )
    }

    static func unsupportedMediaType(_ accepted: [String]) -> APIError {
        APIError(
            .unsupportedMediaType,
            code: "unsupported_media_type",
            message: "send the body as \(accepted.joined(separator: " or "))"
        )
    }

    static func methodNotAllowed(allowed: [HTTPRequest.Method]) -> APIError {
        let names = allowed.map(\.rawValue).sorted().joined(separator: ", ")
        return APIError(
            .methodNotAllowed,
            code: "method_not_allowed",
            message: "this path answers \(names)",
            headers: [.allow: names]
        )
    }

    static let internalError = APIError(
        .internalServerError,
        code: "internal_error",
        message: "the server failed to answer; the request id in this error finds it in the logs"
    )
}
