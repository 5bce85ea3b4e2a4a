/// A deliberately small suffix stripper, so "rotation" meets "rotate" and "releases" meets "release".
///
/// Only similarity needs it (ranking sentences, merging duplicate action items); nothing shown
/// to a reader is stemmed, so crude but predictable beats linguistically complete.
enum Stemmer {
    static func stem(_ word: String) -> String {
        var text = Substring(word)
        if text.hasSuffix("'s") { text = text.dropLast(2) }
        guard text.count > 3 else { return String(text) }
        for (suffix, replacement) in rules where text.hasSuffix(suffix) && text.count - suffix.count >= 3 {
            text = text.dropLast(suffix.count) + replacement
            break
        }
        if text.count > 4, text.hasSuffix("e") { text = text.dropLast() }
        return String(text)
    }

    /// The content stems of `tokens`: no stopwords, no bare numbers of one digit.
    static func contentStems(_ tokens: some Sequence<Token>) -> [String] {
        tokens.compactMap { token in
            let norm = token.norm
            guard !Lexicon.stopwords.contains(norm), norm.count > 1 else { return nil }
            return stem(norm)
        }
    }

    private static let rules: [(String, String)] = [
        ("ations", "at"), ("ation", "at"), ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("sses", "ss"),
        ("ed", ""), ("ers", "er"), ("es", "e"), ("ss", "ss"), ("us", "us"), ("is", "is"), ("s", ""),
    ]
}
