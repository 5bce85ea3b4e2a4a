import Foundation
import MultipartKit

/// A `multipart/form-data` body (RFC 7578): what an HTML form or `curl -F` sends when it
/// uploads a recording.
///
/// Only what the upload routes need: each part's name, file name and bytes. The body is
/// already bounded by the body limit when it is parsed, so parts are kept in memory.
struct MultipartForm {
    struct Part {
        var name: String
        /// Set for file parts (`filename="meeting.wav"`).
        var fileName: String?
        var data: Data
    }

    var parts: [Part]

    /// The text of the first field called `name`.
    func field(_ name: String) -> String? {
        parts.first { $0.name == name && $0.fileName == nil }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// The file parts, in the order sent.
    var files: [Part] { parts.filter { $0.fileName != nil } }

    /// Parses `data` sent with `contentType` (which carries the boundary), with multipart-kit's
    /// streaming parser.
    /// - Throws: 400 `malformed_multipart` when the boundary is missing or the parts are cut.
    init(data: Data, contentType: String) throws {
        guard let boundary = Self.boundary(in: contentType) else {
            throw APIError.badRequest("malformed_multipart", "the multipart Content-Type has no boundary")
        }
        var parts: [Part] = []
        var headers: [(String, String)] = []
        var body = Data()
        var isOpen = false
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            isOpen = true
            headers.append((name, value))
        }
        parser.onBody = { buffer in
            isOpen = true
            body.append(contentsOf: buffer.readableBytesView)
        }
        parser.onPartComplete = {
            if let disposition = Self.disposition(in: headers) {
                parts.append(Part(name: disposition.name, fileName: disposition.fileName, data: body))
            }
            headers = []
            body = Data()
            isOpen = false
        }
        do {
            try parser.execute([UInt8](data))
        } catch {
            throw Self.malformed
        }
        // The parser waits for more of a body that ends early; here nothing more comes, so a
        // body must reach its closing delimiter.
        let closing = Data("--\(boundary)--".utf8)
        guard !isOpen, data.range(of: closing, options: .backwards) != nil else { throw Self.malformed }
        self.parts = parts
    }

    private static let malformed = APIError.badRequest(
        "malformed_multipart",
        "the multipart/form-data body is cut short or malformed"
    )

    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return (1...70).contains(value.count) ? value : nil
        }
        return nil
    }

    /// The `name` and `filename` of a part's `Content-Disposition: form-data` header.
    private static func disposition(in headers: [(String, String)]) -> (name: String, fileName: String?)? {
        guard let header = headers.first(where: { $0.0.lowercased() == "content-disposition" }) else { return nil }
        var values: [String: String] = [:]
        for parameter in header.1.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            values[pair[0].lowercased()] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return values["name"].map { ($0, values["filename"]) }
    }
}
