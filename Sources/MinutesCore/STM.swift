import Foundation

/// NIST's segment time mark format, the reference transcripts of speech evaluations:
/// `file channel speaker start end [<label>] words…` per line, `;;` comments.
public enum STM {
    /// One reference segment.
    public struct Segment: Sendable, Equatable {
        public var file: String
        public var speaker: String
        public var start: Double
        public var end: Double
        public var text: String
    }

    /// The segments of `text`, in the order given.
    /// - Throws: `.invalidInput` naming the first line that is not a segment.
    public static func parse(_ text: String) throws -> [Segment] {
        var segments: [Segment] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix(";;") { continue }
            let fields = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count >= 5, let start = Double(fields[3]), let end = Double(fields[4]) else {
                throw MinutesError(
                    .invalidInput,
                    "STM line \(number + 1) is not `file channel speaker start end words…`: \(trimmed.prefix(80))"
                )
            }
            var words = fields.dropFirst(5)
            // An optional `<o,f0,male>` label comes before the words.
            if let first = words.first, first.hasPrefix("<"), first.hasSuffix(">") { words = words.dropFirst() }
            segments.append(
                Segment(file: fields[0], speaker: fields[2], start: start, end: end, text: words.joined(separator: " "))
            )
        }
        return segments
    }
}
