/// A set of word sequences, indexed by first word, to test sentences against quickly.
///
/// The detectors ask "does this sentence contain any of these forty phrases?" for every sentence;
/// indexing by first word turns that into one pass over the sentence with a dictionary lookup per
/// word, instead of comparing every phrase at every position.
struct PhraseSet: Sendable {
    private let byFirstWord: [String: [[String]]]

    init(_ phrases: [[String]]) {
        var index: [String: [[String]]] = [:]
        for phrase in phrases {
            guard let first = phrase.first else { continue }
            index[first, default: []].append(phrase)
        }
        byFirstWord = index
    }

    /// The length of the longest phrase that starts at `position` in `words`, or `nil`.
    func match(in words: [String], at position: Int) -> Int? {
        guard position < words.count, let candidates = byFirstWord[words[position]] else { return nil }
        var longest: Int?
        for phrase in candidates where position + phrase.count <= words.count {
            var equal = true
            for offset in 1..<max(1, phrase.count) where words[position + offset] != phrase[offset] {
                equal = false
                break
            }
            if equal, phrase.count > (longest ?? 0) { longest = phrase.count }
        }
        return longest
    }

    /// Whether any phrase occurs anywhere in `words`.
    func occurs(in words: [String]) -> Bool {
        words.indices.contains { match(in: words, at: $0) != nil }
    }

    /// Whether `words` opens with a phrase, after leading fillers ("oh", "well", "so").
    func opens(_ words: [String]) -> Bool {
        var start = 0
        while start < words.count, Self.openingFillers.contains(words[start]) { start += 1 }
        return match(in: words, at: start) != nil
    }

    private static let openingFillers: Set<String> = ["oh", "um", "uh", "well", "and", "so", "honestly"]
}
