import Foundation

/// Whisper's initial prompt for a recording: the people likely named in it and the user's
/// vocabulary, so that names and jargon come out spelled as the user spells them.
///
/// Whisper reads at most 224 prompt tokens; the prompt is kept to ``maximumCharacters``
/// (about 150 English tokens), people first, then as many vocabulary terms as fit, each once.
/// Built per recording from what belongs to it, so nothing of one session reaches another's
/// prompt. A session's title is not given: titles are rarely said ("Meeting 7 Dec 16:08"),
/// and one cost a monologue 2 of its 56 words (BENCHMARKS.md).
public struct TranscriptionPrompt: Sendable, Equatable {
    /// The prompt text, or nil when there is nothing to say.
    public let text: String?
    /// Vocabulary terms left out because the prompt was full.
    public let omittedTerms: Int

    public static let maximumCharacters = 600

    /// - Parameters:
    ///   - people: names of enrolled and named speakers.
    ///   - vocabulary: the user's terms, most important first.
    ///   - text: a prompt the user wrote (`--prompt`), kept whole and first.
    public init(people: [String] = [], vocabulary: [String] = [], text: String? = nil) {
        func trimmed(_ value: String?) -> String { value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }
        var parts: [String] = []
        if !trimmed(text).isEmpty { parts.append(trimmed(text)) }
        var seen: Set<String> = []
        let names = people.map(trimmed).filter {
            !$0.isEmpty && seen.insert($0.lowercased()).inserted
        }
        if !names.isEmpty { parts.append("With " + names.joined(separator: ", ") + ".") }
        var length = parts.reduce(0) { $0 + $1.count + 1 }
        var terms: [String] = []
        var omitted = 0
        for term in vocabulary.map(trimmed)
        where !term.isEmpty && seen.insert(term.lowercased()).inserted {
            // ", " between terms, ". " before the first and the closing full stop.
            let cost = term.count + 2
            if length + cost > Self.maximumCharacters {
                omitted += 1
                continue
            }
            terms.append(term)
            length += cost
        }
        if !terms.isEmpty { parts.append(terms.joined(separator: ", ") + ".") }
        let joined = parts.joined(separator: " ")
        self.text = joined.isEmpty ? nil : String(joined.prefix(Self.maximumCharacters))
        omittedTerms = omitted
    }
}
