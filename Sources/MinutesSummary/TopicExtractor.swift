import Foundation

/// Names the subjects a meeting spent its time on: frequent, distinctive words and two-word phrases
/// ("queue migration", "Postgres"), mentioned across several turns.
///
/// Without a background corpus, "distinctive" means not a function word, not a common verb or
/// meeting word, and not so frequent that it is in every sentence. Two-word phrases said at least
/// twice are preferred to their words, and are shown the way people wrote them ("SQS", "APNs").
struct TopicExtractor: Sendable {
    let names: NameDirectory

    func topics(in sentences: [Sentence], count: Int) -> [String] {
        var stats: [String: Candidate] = [:]
        var order = 0
        for sentence in sentences {
            let tokens = sentence.tokens
            var previous: (index: Int, stem: String)?
            for (index, token) in tokens.enumerated() {
                guard isTopical(token) else {
                    previous = nil
                    continue
                }
                let stem = Stemmer.stem(token.norm)
                let written = display(token, in: sentence, at: index)
                record(stem, written: written, sentence: sentence, into: &stats, order: &order, isPhrase: false)
                if let previous, previous.index == index - 1, tokens[previous.index].trailing == nil {
                    let phrase = previous.stem + " " + stem
                    let shown = display(tokens[previous.index], in: sentence, at: previous.index) + " " + written
                    record(phrase, written: shown, sentence: sentence, into: &stats, order: &order, isPhrase: true)
                }
                previous = (index, stem)
            }
        }
        let total = Double(max(1, sentences.count))
        let ranked = stats.values
            .filter { $0.turns.count >= 2 && (!$0.isPhrase || $0.count >= 2) }
            .map { candidate -> (Candidate, Double) in
                let spread = Double(candidate.sentences.count)
                let idf = log(total / spread + 1)
                return (candidate, Double(candidate.count) * idf * (candidate.isPhrase ? 2.2 : 1))
            }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.firstSeen < $1.0.firstSeen }
        var chosen: [Candidate] = []
        for (candidate, _) in ranked where chosen.count < count {
            let overlaps = chosen.contains { other in
                other.key.split(separator: " ").contains { candidate.key.split(separator: " ").contains($0) }
            }
            if !overlaps { chosen.append(candidate) }
        }
        return chosen.map(\.shown)
    }

    private struct Candidate {
        let key: String
        let isPhrase: Bool
        let firstSeen: Int
        var count = 0
        var sentences = Set<Int>()
        var turns = Set<Int>()
        var forms: [String: Int] = [:]

        /// The most frequent written form; ties go to the alphabetically first, for stable output.
        var shown: String {
            forms.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? key
        }
    }

    private func record(
        _ key: String,
        written: String,
        sentence: Sentence,
        into stats: inout [String: Candidate],
        order: inout Int,
        isPhrase: Bool
    ) {
        if stats[key] == nil {
            stats[key] = Candidate(key: key, isPhrase: isPhrase, firstSeen: order)
            order += 1
        }
        stats[key]?.count += 1
        stats[key]?.sentences.insert(sentence.index)
        stats[key]?.turns.insert(sentence.turn)
        stats[key]?.forms[written, default: 0] += 1
    }

    private func isTopical(_ token: Token) -> Bool {
        let norm = token.norm
        guard norm.count >= 3, norm.first?.isLetter == true, !norm.contains("'") else { return false }
        guard !Lexicon.stopwords.contains(norm), !Self.generic.contains(norm),
            !Lexicon.conversationalVerbs.contains(norm)
        else { return false }
        guard !Lexicon.weekdays.contains(norm), DueDateResolver.dayNumber(norm) == nil else { return false }
        if norm.hasSuffix("ly") || (norm.hasSuffix("ed") && norm.count > 5) { return false }
        return names.person(named: token) == nil
    }

    /// The word as written, lowercased unless its casing is its own (an acronym or a mid-sentence
    /// capital): "Postgres", "SQS", but "queue" even at the start of a sentence.
    private func display(_ token: Token, in sentence: Sentence, at index: Int) -> String {
        let written = Tokenizer.split(sentence.words[token.word]).core
        let capitals = written.filter(\.isUppercase).count
        if capitals > 1 || (capitals == 1 && index > 0 && token.isCapitalized) { return written }
        return written.lowercased()
    }

    private static let generic: Set<String> = [
        "thing", "things", "stuff", "people", "person", "time", "times", "week", "weeks", "day", "days", "today",
        "tomorrow", "yesterday", "meeting", "call", "question", "questions", "point", "idea", "lot", "way", "kind",
        "sort", "bit", "part", "number", "numbers", "minute", "minutes", "hour", "hours", "year", "years", "month",
        "months", "morning", "afternoon", "evening", "end", "start", "case", "sense", "fact", "work", "everyone",
        "team", "guys", "folks", "side", "place", "last", "next", "first", "second", "half", "couple", "whole",
        "big", "small", "bad", "real", "same", "different", "new", "old", "true", "better", "best", "worst",
        "wrong", "hello", "mine", "yours", "doing", "getting", "thinking", "saying", "talking", "looking",
        "working", "trying", "making", "taking", "coming", "waiting", "happening", "sending", "said", "told",
        "asked", "used", "use", "seen", "found", "sent", "done", "ready", "happy", "worth", "quick", "early", "late",
        "later", "soon", "least", "less", "more", "own", "sure", "thanks", "anything", "something", "nothing",
        "everything", "someone", "anyone", "nobody", "somebody", "everybody", "mean", "means", "literally",
        "thank", "yeah", "fine", "okay", "cool", "nice", "awesome", "great", "good", "fair", "right", "wait",
        "check", "send", "write", "update", "look", "find", "put", "set", "add", "handle", "ping", "post", "file",
        "stuff", "job", "plan", "plans", "fun", "bunch", "top", "deal", "hand", "head", "full", "whatever",
        "able", "free", "gets", "makes", "takes", "says", "goes", "comes", "knows", "thinks", "wants", "needs",
        "talk", "works", "worked", "wanted", "looked", "called", "thought", "knew", "took", "gave", "heard",
        "doesn", "isn", "aren", "won", "don", "didn", "wasn", "couldn", "wouldn", "shouldn", "hundred", "thousand",
        "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty", "percent",
        "currently", "basically", "actually", "everywhere", "anywhere", "somewhere", "nowhere", "else", "also",
        "almost", "exactly", "probably", "maybe", "totally", "completely", "issue", "issues", "problem", "problems",
        "option", "options", "version", "stuff", "piece", "pieces", "level", "type", "types", "amount", "moment",
        "second", "seconds", "change", "changes", "made", "keep", "kept", "help", "happen", "happened", "agreed",
        "agree", "decide", "decided", "decision", "guess", "hope", "love", "hate", "care", "remember", "forget",
        "understand", "expect", "honest", "favourite", "favorite", "matter", "matters", "minute", "world",
    ]
}
