/// A sentence of the meeting with who said it and where, ready for the detectors.
struct Sentence: Hashable, Sendable {
    /// Position among all sentences of the meeting (0, 1, 2, …).
    let index: Int
    /// Position of the turn (the utterance) it belongs to; consecutive sentences of one turn share it.
    let turn: Int
    let speaker: String
    /// Seconds from the start of the meeting at which its turn began, when known.
    let start: Double?
    /// The written words, punctuation attached, as the transcript has them.
    let words: [String]
    let tokens: [Token]

    /// The sentence as written.
    var text: String { words.joined(separator: " ") }

    /// Ends with a question mark, or (for unpunctuated speech-to-text) opens like a question.
    var isQuestion: Bool {
        guard let last = tokens.last else { return false }
        if last.trailing == "?" { return true }
        if last.trailing != nil { return false }
        return Lexicon.questionOpeners.contains(tokens[0].norm) && tokens.count >= 3
    }

    /// No punctuation inside: speech-to-text output without it, where clause rules must not rely on marks.
    var isUnpunctuated: Bool {
        tokens.dropLast().allSatisfy { $0.trailing == nil }
    }

    /// The normalized tokens, for matching phrases.
    var norms: [String] { tokens.map(\.norm) }

    /// The written words behind tokens `range`, without the punctuation after the last one.
    func words(covering range: Range<Int>) -> String {
        guard !range.isEmpty, range.upperBound <= tokens.count else { return "" }
        let first = tokens[range.lowerBound].word
        let last = tokens[range.upperBound - 1].word
        var parts = Array(words[first...last])
        parts[parts.count - 1] = Tokenizer.stripTrailingPunctuation(parts[parts.count - 1])
        return parts.joined(separator: " ")
    }
}
