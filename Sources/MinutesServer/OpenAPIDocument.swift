import Foundation
import MinutesCore
import Yams

/// The API description, `openapi.yaml`, served as JSON at `/openapi.json`.
///
/// The YAML file is the one people read and edit, so it is real YAML (comments, block style)
/// parsed with Yams rather than a JSON-compatible subset that would be awkward to maintain by
/// hand; it is converted once at startup, so a broken file stops the server from starting
/// instead of failing a client later. The file ships inside the MinutesServer target as a
/// resource; `openapi.yaml` at the repository root links to it for readers and tools.
public struct OpenAPIDocument: Sendable {
    /// The document as JSON bytes.
    public let json: Data

    /// - Throws: `.invalidInput` when the YAML does not parse to a mapping.
    public init(yaml: String) throws {
        let parsed: Any?
        do {
            parsed = try Yams.load(yaml: yaml)
        } catch {
            throw MinutesError(.invalidInput, "openapi.yaml is not valid YAML", cause: error)
        }
        guard let object = parsed as? [String: Any], JSONSerialization.isValidJSONObject(object) else {
            throw MinutesError(.invalidInput, "openapi.yaml must hold one mapping of JSON-compatible values")
        }
        json = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The document shipped with the server, parsed once per process.
    ///
    /// Yams resolves every scalar's tag with regular expressions, which takes seconds in a
    /// debug build; every router built in a process (each service test builds one) shares
    /// the one parse instead of holding a concurrency thread for its own.
    public static func bundled() throws -> OpenAPIDocument {
        try bundledParse.get()
    }

    private static let bundledParse = Result<OpenAPIDocument, any Error> {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw MinutesError(.storage, "openapi.yaml is missing from the MinutesServer resources")
        }
        return try OpenAPIDocument(yaml: try String(contentsOf: url, encoding: .utf8))
    }

    /// Every documented operation's method (upper case), path and response statuses.
    public func operations() throws -> [String: Set<Int>] {
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:]
        var operations: [String: Set<Int>] = [:]
        for (path, item) in object["paths"] as? [String: Any] ?? [:] {
            for (method, operation) in item as? [String: Any] ?? [:] {
                guard let responses = (operation as? [String: Any])?["responses"] as? [String: Any] else { continue }
                operations["\(method.uppercased()) \(path)"] = Set(responses.keys.compactMap { Int($0) })
            }
        }
        return operations
    }
}
