/// Tidies sentences for people to read: no leading "okay, so", a capital first letter, a length cap.
enum DisplayText {
    /// `text` without leading fillers, capitalized, at most `maxWords` words (with "…" when cut).
    static func clean(_ text: String, maxWords: Int) -> String {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        while words.count > 1, leadingFillers.contains(Tokenizer.normalize(Tokenizer.split(words[0]).core)) {
            words.removeFirst()
        }
        var cut = false
        if words.count > maxWords {
            words = Array(words.prefix(maxWords))
            cut = true
        }
        var result = words.joined(separator: " ")
        guard !result.isEmpty else { return "" }
        if cut { result = Tokenizer.stripTrailingPunctuation(result) + "…" }
        if let first = result.first, first.isLowercase {
            result = first.uppercased() + result.dropFirst()
        }
        return result
    }

    private static let leadingFillers: Set<String> = [
        "okay", "ok", "so", "and", "but", "yeah", "yes", "well", "alright", "um", "uh", "oh", "right", "sorry",
        "great", "perfect", "cool", "anyway", "then", "now", "also", "honestly", "basically", "hmm", "good",
    ]
}
