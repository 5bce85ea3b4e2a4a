import Foundation
import MinutesCore
import MinutesPipeline

/// Audio a client sent: WAV bytes, base64-encoded in a JSON field or raw in a multipart part.
enum AudioContent {
    /// The WAV bytes of a base64 string.
    /// - Parameter field: the JSON field, for the error message.
    /// - Throws: 400 `invalid_base64`.
    static func bytes(fromBase64 text: String, field: String) throws -> Data {
        guard let data = Data(base64Encoded: text), !data.isEmpty else {
            throw APIError.badRequest(
                "invalid_base64",
                "'\(field)' must be non-empty base64 (standard alphabet, padded)"
            )
        }
        return data
    }

    /// 16 kHz mono samples of WAV bytes, decoded off the concurrency pool.
    /// - Throws: 400 `not_audio`, saying what the bytes look like instead.
    static func samples(of data: Data) async throws -> [Float] {
        do {
            return try await BlockingWork.run { try WAVData.samples(from: data) }
        } catch let error as MinutesError where error.code == .invalidInput {
            throw APIError.badRequest("not_audio", error.message)
        }
    }

    /// The samples of a base64 WAV field.
    static func samples(fromBase64 text: String, field: String = "content") async throws -> [Float] {
        try await samples(of: try bytes(fromBase64: text, field: field))
    }
}
