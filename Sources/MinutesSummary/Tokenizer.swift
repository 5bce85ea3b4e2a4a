import Foundation

/// Turns written words into normalized ``Token``s.
///
/// Speech-to-text output is inconsistent: curly or straight apostrophes, contractions with or
/// without them ("I'll", "ill"), "gonna". Normalizing here lets every rule be written once.
enum Tokenizer {
    /// Normalized tokens for the written words of one sentence.
    static func tokens(of words: [String]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(words.count + 4)
        for (index, word) in words.enumerated() {
            let (core, trailing) = split(word)
            guard !core.isEmpty else { continue }
            let lowered = normalize(core)
            let capitalized = core.first?.isUppercase ?? false
            var pieces = expansions[lowered] ?? expandPossessive(lowered) ?? [lowered]
            if lowered == "lets", opensClause(tokens) {
                pieces = ["let's"]
            }
            for (offset, piece) in pieces.enumerated() {
                let isLast = offset == pieces.count - 1
                tokens.append(
                    Token(
                        norm: piece,
                        word: index,
                        isCapitalized: capitalized && offset == 0,
                        trailing: isLast ? trailing : nil
                    )
                )
            }
        }
        return tokens
    }

    /// `word` without the punctuation written after it.
    static func stripTrailingPunctuation(_ word: String) -> String {
        var scalars = Substring(word)
        while let last = scalars.last, closers.contains(last) {
            scalars = scalars.dropLast()
        }
        return String(scalars)
    }

    /// Lowercases and straightens apostrophes, the two differences between transcribers that matter.
    static func normalize(_ text: String) -> String {
        var lowered = text.lowercased()
        if lowered.contains("\u{2019}") || lowered.contains("\u{2018}") {
            lowered = lowered.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(
                of: "\u{2018}",
                with: "'"
            )
        }
        return lowered
    }

    /// Splits a written word into its core and the strongest punctuation mark written after it.
    static func split(_ word: String) -> (core: String, trailing: Character?) {
        var text = Substring(word)
        while let first = text.first, openers.contains(first) {
            text = text.dropFirst()
        }
        var trailing: Character?
        while let last = text.last, closers.contains(last) {
            let mark = markForCloser(last)
            if let mark, rank(mark) > rank(trailing) {
                trailing = mark
            }
            text = text.dropLast()
        }
        return (String(text), trailing)
    }

    private static func opensClause(_ tokens: [Token]) -> Bool {
        guard let previous = tokens.last else { return true }
        return previous.trailing != nil || Lexicon.discourseMarkers.contains(previous.norm)
    }

    private static func markForCloser(_ character: Character) -> Character? {
        switch character {
        case ".", "\u{2026}": return "."
        case "?": return "?"
        case "!": return "!"
        case ";", "\u{2014}", "\u{2013}": return ";"
        case ":": return ":"
        case ",": return ","
        default: return nil
        }
    }

    private static func rank(_ mark: Character?) -> Int {
        switch mark {
        case "?": return 6
        case "!": return 5
        case ".": return 4
        case ";": return 3
        case ":": return 2
        case ",": return 1
        default: return 0
        }
    }

    /// "it's" → `it is`, but "Marcus's" stays one token: only pronouns reliably mean "is".
    private static func expandPossessive(_ word: String) -> [String]? {
        guard word.hasSuffix("'s") else { return nil }
        let base = String(word.dropLast(2))
        return isContractedBeforeIs.contains(base) ? [base, "is"] : nil
    }

    private static let isContractedBeforeIs: Set<String> = [
        "it", "that", "there", "what", "who", "here", "he", "she", "where", "how", "this", "everything",
        "nothing", "something", "everyone", "nobody", "somebody", "someone", "which",
    ]

    private static let openers: Set<Character> = [
        "\"", "'", "(", "[", "{", "\u{201C}", "\u{2018}", "\u{00BF}", "\u{00A1}", "*", "_",
    ]
    private static let closers: Set<Character> = [
        ".", ",", "?", "!", ";", ":", "\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{2026}", "\u{2014}",
        "\u{2013}", "*", "_",
    ]

    /// Contractions and their speech-to-text spellings, expanded so rules see full forms.
    private static let expansions: [String: [String]] = [
        "i'll": ["i", "will"], "ill": ["i", "will"], "you'll": ["you", "will"], "youll": ["you", "will"],
        "we'll": ["we", "will"], "they'll": ["they", "will"], "he'll": ["he", "will"], "she'll": ["she", "will"],
        "it'll": ["it", "will"], "that'll": ["that", "will"], "there'll": ["there", "will"],
        "i'm": ["i", "am"], "im": ["i", "am"], "you're": ["you", "are"], "youre": ["you", "are"],
        "we're": ["we", "are"], "they're": ["they", "are"], "theyre": ["they", "are"],
        "i've": ["i", "have"], "ive": ["i", "have"], "we've": ["we", "have"], "you've": ["you", "have"],
        "they've": ["they", "have"], "i'd": ["i", "would"], "we'd": ["we", "would"], "you'd": ["you", "would"],
        "they'd": ["they", "would"], "he'd": ["he", "would"], "she'd": ["she", "would"], "it'd": ["it", "would"],
        "that'd": ["that", "would"],
        "can't": ["can", "not"], "cant": ["can", "not"], "cannot": ["can", "not"], "won't": ["will", "not"],
        "wont": ["will", "not"], "don't": ["do", "not"], "dont": ["do", "not"], "doesn't": ["does", "not"],
        "doesnt": ["does", "not"], "didn't": ["did", "not"], "didnt": ["did", "not"], "isn't": ["is", "not"],
        "isnt": ["is", "not"], "aren't": ["are", "not"], "wasn't": ["was", "not"], "weren't": ["were", "not"],
        "haven't": ["have", "not"], "hasn't": ["has", "not"], "hadn't": ["had", "not"],
        "shouldn't": ["should", "not"], "wouldn't": ["would", "not"], "couldn't": ["could", "not"],
        "mustn't": ["must", "not"], "thats": ["that", "is"], "whats": ["what", "is"],
        "gonna": ["going", "to"], "gotta": ["got", "to"], "wanna": ["want", "to"], "y'all": ["you", "all"],
        "let's": ["let's"], "lemme": ["let", "me"],
    ]
}
