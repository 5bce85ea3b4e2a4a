/// Splits a turn's text into sentences.
///
/// Punctuation from a transcriber is a hint, not a guarantee: Whisper punctuates, other engines
/// do not, and abbreviations end in periods. So a period ends a sentence only when it is not an
/// abbreviation and (when the text has casing at all) the next word starts with a capital, and
/// long unpunctuated runs are cut before discourse markers ("okay", "so") to keep sentences short
/// enough to rank. Turn boundaries, that is pauses between segments, always end a sentence.
enum SentenceSplitter {
    /// Unpunctuated runs longer than this are cut at discourse markers.
    static let longRun = 40

    /// The sentences of `text`, each as its written words.
    static func split(_ text: String) -> [[String]] {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return [] }
        let hasCasing = words.contains { $0.contains(where: \.isUppercase) }
        var sentences: [[String]] = []
        var current: [String] = []
        for (index, word) in words.enumerated() {
            current.append(word)
            let next = index + 1 < words.count ? words[index + 1] : nil
            if endsSentence(word, next: next, hasCasing: hasCasing) {
                sentences.append(current)
                current = []
            }
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences.flatMap(cutLongRun)
    }

    private static func endsSentence(_ word: String, next: String?, hasCasing: Bool) -> Bool {
        let (core, mark) = Tokenizer.split(word)
        guard let mark, mark == "." || mark == "?" || mark == "!" else { return false }
        guard let next else { return true }
        if mark == "?" || mark == "!" { return true }
        if word.hasSuffix("\u{2026}") || word.hasSuffix("...") { return true }
        let lowered = Tokenizer.normalize(core)
        if abbreviations.contains(lowered) { return false }
        if core.count == 1, core.first?.isLetter == true, core.first?.isUppercase == true { return false }
        if hasCasing, let first = next.first(where: { $0.isLetter || $0.isNumber }), first.isLowercase {
            return false
        }
        return true
    }

    /// Cuts a sentence with no punctuation inside and more than ``longRun`` words before discourse
    /// markers, leaving at least eight words in each piece.
    private static func cutLongRun(_ sentence: [String]) -> [[String]] {
        guard sentence.count > longRun else { return [sentence] }
        var pieces: [[String]] = []
        var current: [String] = []
        for word in sentence {
            let lowered = Tokenizer.normalize(Tokenizer.split(word).core)
            if current.count >= 8, runBreakers.contains(lowered) {
                pieces.append(current)
                current = []
            }
            current.append(word)
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "e.g", "i.e", "etc", "vs", "approx", "st", "inc", "ltd", "jr", "sr",
        "co", "corp", "dept", "est", "fig", "no", "vol", "cf", "a.m", "p.m", "u.s", "u.k",
    ]

    private static let runBreakers: Set<String> = ["okay", "ok", "alright", "so", "anyway", "anyways", "also"]
}
