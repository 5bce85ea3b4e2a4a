import Foundation
import MinutesCore

/// How the LLM is told to read one kind of meeting (a stand-up, a sales call, an interview).
///
/// Personas are plain text files (`Personas/standup.txt`) so that people can read and tune them
/// without a build. A file starts with `key: value` header lines, then a blank line, then the
/// system prompt:
///
/// ```
/// version: 3
/// title: Engineering stand-up
/// aliases: stand-up, daily, scrum
/// description: Progress, plans and blockers, person by person.
///
/// You are writing the minutes of an engineering team's daily stand-up. …
/// ```
///
/// `version` is required and is part of the cache key: change it whenever the prompt changes in a
/// way that should change summaries, and cached ones are not reused. Lines starting with `#` in the
/// header are comments. The persona's name is the file name without `.txt`.
public struct Persona: Hashable, Sendable {
    /// The file name without `.txt`, lowercase (`one-on-one`).
    public var name: String
    /// The `version:` line.
    public var version: String
    /// The `title:` line, or the name.
    public var title: String
    /// The `description:` line, for `--help` and listings; may be empty.
    public var summary: String
    /// Other names it answers to (`aliases:`), lowercase.
    public var aliases: [String]
    /// The system prompt: everything after the header.
    public var prompt: String

    public init(
        name: String,
        version: String,
        title: String? = nil,
        summary: String = "",
        aliases: [String] = [],
        prompt: String
    ) {
        self.name = name
        self.version = version
        self.title = title ?? name
        self.summary = summary
        self.aliases = aliases
        self.prompt = prompt
    }

    /// Reads a persona file's text.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - name: the persona's name (the file name without `.txt`).
    ///   - path: where it came from, for error messages.
    /// - Throws: ``MinutesError`` `.invalidInput` when the header has no `version:` line, a header
    ///   line is not `key: value`, or there is no prompt after the header.
    public init(parsing text: String, name: String, path: String) throws {
        var headers: [String: String] = [:]
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)[...]
        var lineNumber = 0
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { break }
            if trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw MinutesError(
                    .invalidInput,
                    "persona file \(path), line \(lineNumber): header lines look like `version: 1`; "
                        + "end the header with a blank line before the prompt"
                )
            }
            let key = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[key] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard let version = headers["version"], !version.isEmpty else {
            throw MinutesError(.invalidInput, "persona file \(path) has no `version:` line in its header")
        }
        let prompt = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !prompt.isEmpty else {
            throw MinutesError(.invalidInput, "persona file \(path) has no prompt after its header and blank line")
        }
        let aliases = (headers["aliases"] ?? "").split(separator: ",")
            .map { Self.normalizedName(String($0)) }
            .filter { !$0.isEmpty }
        self.init(
            name: name,
            version: version,
            title: headers["title"].flatMap { $0.isEmpty ? nil : $0 },
            summary: headers["description"] ?? "",
            aliases: aliases,
            prompt: prompt
        )
    }

    /// A persona name as people type it, made comparable: lowercase, with spaces and underscores as hyphens.
    ///
    /// `One on one`, `one_on_one` and `one-on-one` are all `one-on-one`.
    public static func normalizedName(_ text: String) -> String {
        let words = text.lowercased().split { $0 == " " || $0 == "_" || $0 == "-" || $0 == "\t" }
        return words.joined(separator: "-")
    }
}
