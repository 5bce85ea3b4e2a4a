import Foundation
import MinutesCore

/// The user's vocabulary (`--vocabulary FILE`, `MINUTES_VOCABULARY`): one term per line,
/// product names and jargon the transcriber should expect; blank lines and `#` comments
/// are skipped.
public enum VocabularyFile {
    /// Files larger than this are refused: a vocabulary is a list of terms, and Whisper's
    /// prompt holds a few dozen of them at most.
    public static let largestSize = 1_048_576

    /// The terms of the file at `path`, in order.
    /// - Throws: `.notFound`, or `.invalidInput` for a file that is too large or not UTF-8.
    public static func read(_ path: String) throws -> [String] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? Int else {
            throw MinutesError(.notFound, "vocabulary file '\(path)' not found")
        }
        guard size <= largestSize else {
            throw MinutesError(
                .invalidInput,
                "vocabulary file '\(path)' is \(size / 1_024) KiB; a vocabulary is one term per line, at most 1 MiB"
            )
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(data: data, encoding: .utf8) else {
            throw MinutesError(.invalidInput, "vocabulary file '\(path)' is not UTF-8 text")
        }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
