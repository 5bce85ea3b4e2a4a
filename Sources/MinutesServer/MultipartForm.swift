import Foundation

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

    /// Parses `data` sent with `contentType` (which carries the boundary).
    /// - Throws: 400 `malformed_multipart` when the boundary is missing or the parts are cut.
    init(data: Data, contentType: String) throws {
        guard let boundary = Self.boundary(in: contentType) else {
            throw APIError.badRequest("malformed_multipart", "the multipart Content-Type has no boundary")
        }
        let bytes = [UInt8](data)
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        guard var cursor = Self.find(delimiter, in: bytes, from: 0).map({ $0 + delimiter.count }) else {
            throw Self.malformed
        }
        var parts: [Part] = []
        while true {
            if bytes[cursor...].starts(with: Array("--".utf8)) { break }
            guard bytes[cursor...].starts(with: Array("\r\n".utf8)) else { throw Self.malformed }
            cursor += 2
            guard let headersEnd = Self.find(headerEnd, in: bytes, from: cursor) else { throw Self.malformed }
            let headers = String(decoding: bytes[cursor..<headersEnd], as: UTF8.self)
            let contentStart = headersEnd + headerEnd.count
            guard let contentEnd = Self.find(separator, in: bytes, from: contentStart) else { throw Self.malformed }
            if let disposition = Self.disposition(in: headers) {
                parts.append(
                    Part(
                        name: disposition.name,
                        fileName: disposition.fileName,
                        data: Data(bytes[contentStart..<contentEnd])
                    )
                )
            }
            cursor = contentEnd + separator.count
        }
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
    private static func disposition(in headers: String) -> (name: String, fileName: String?)? {
        for line in headers.split(separator: "\r\n") {
            let pieces = line.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2, pieces[0].lowercased() == "content-disposition" else { continue }
            var values: [String: String] = [:]
            for parameter in pieces[1].split(separator: ";").dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                values[pair[0].lowercased()] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            return values["name"].map { ($0, values["filename"]) }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
