import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat

extension Request {
    /// The media types a route's body may have, checked before any byte is read.
    enum BodyKind {
        case json
        case jsonOrMultipart
    }

    /// Whether the body is `multipart/form-data` (or else JSON), after checking it is one of
    /// the kinds the route accepts.
    /// - Throws: 415 for any other `Content-Type`, a missing one included.
    func isMultipart(accepting kind: BodyKind) throws -> Bool {
        let type = headers[.contentType].flatMap(MediaType.init(from:))
        if let type, type.isType(.applicationJson) { return false }
        if kind == .jsonOrMultipart, let type, type.isType(.multipartForm) { return true }
        throw APIError.unsupportedMediaType(
            kind == .json ? ["application/json"] : ["application/json", "multipart/form-data"]
        )
    }

    /// The body's bytes, at most `context.maxUploadSize` of them (413 beyond).
    func bodyData(context: MinutesRequestContext) async throws -> Data {
        Data(buffer: try await body.collect(upTo: context.maxUploadSize))
    }

    /// Decodes the JSON body.
    /// - Throws: 415 when it is not JSON, 413 when too large, 400 (naming the field) when it is
    ///   malformed, empty, has a field of the wrong type or lacks a required one.
    func decodeJSON<Value: Decodable>(as type: Value.Type, context: MinutesRequestContext) async throws -> Value {
        _ = try isMultipart(accepting: .json)
        return try Self.decodeJSON(type, from: try await bodyData(context: context))
    }

    /// Decodes an optional JSON body: none at all (no bytes, any content type) is `nil`.
    func decodeOptionalJSON<Value: Decodable>(
        as type: Value.Type,
        context: MinutesRequestContext
    ) async throws
        -> Value?
    {
        let data = try await bodyData(context: context)
        guard !data.isEmpty else { return nil }
        _ = try isMultipart(accepting: .json)
        return try Self.decodeJSON(type, from: data)
    }

    static func decodeJSON<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        guard !data.isEmpty else { throw APIError.badRequest("missing_body", "the request needs a JSON body") }
        return try APIJSON.decoder().decode(type, from: data)
    }
}
