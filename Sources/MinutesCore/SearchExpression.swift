/// The words a person searches for, parsed from what they typed into terms the backends can
/// only read as words.
///
/// Syntax: words (all must occur), `"a phrase"` (its words in order), `word*` (a prefix), `OR`
/// between alternatives, `-word` or `NOT word` to leave out. `AND` is the default and may be
/// written. Anything else is text: quotes, stars and operators alone are no query at all.
public struct SearchExpression: Hashable, Sendable {
    /// One thing to find or leave out: a word or a phrase, folded as the index folds.
    public struct Term: Hashable, Sendable {
        public var words: [String]
        /// The last word is a prefix.
        public var isPrefix: Bool
        public var isExcluded: Bool
    }

    /// The longest query accepted, in characters.
    public static let longestQuery = 1_000
    /// The most terms a query may have.
    public static let mostTerms = 32

    /// Alternatives (OR), each a list of terms that must all hold (AND).
    public private(set) var alternatives: [[Term]]

    /// - Throws: `.invalidInput` for a query with no word to find, one longer than
    ///   ``longestQuery`` characters or with more than ``mostTerms`` terms.
    public init(parsing text: String) throws {
        guard text.count <= Self.longestQuery else {
            throw MinutesError(
                .invalidInput,
                "the query is \(text.count) characters long; at most \(Self.longestQuery) are searched"
            )
        }
        var alternatives: [[Term]] = [[]]
        var excludeNext = false
        for token in Self.tokens(of: text) {
            if !token.isQuoted {
                switch token.text {
                case "OR":
                    alternatives.append([])
                    excludeNext = false
                    continue
                case "AND": continue
                case "NOT":
                    excludeNext = true
                    continue
                default: break
                }
            }
            guard var term = Self.term(token) else { continue }
            term.isExcluded = term.isExcluded || excludeNext
            excludeNext = false
            alternatives[alternatives.count - 1].append(term)
        }
        let usable = alternatives.filter { $0.contains { !$0.isExcluded } }
        guard !usable.isEmpty else {
            throw MinutesError(
                .invalidInput,
                "nothing to search for: the query has no word to find (quotes, * and AND/OR/NOT alone match nothing)"
            )
        }
        let count = usable.reduce(0) { $0 + $1.count }
        guard count <= Self.mostTerms else {
            throw MinutesError(.invalidInput, "the query has \(count) terms; at most \(Self.mostTerms) are searched")
        }
        self.alternatives = usable
    }

    /// The folded words to mark in a hit, with whether each is a prefix.
    public var markedWords: [(word: String, isPrefix: Bool)] {
        alternatives.flatMap { $0 }.filter { !$0.isExcluded }.flatMap { term in
            term.words.enumerated().map { ($0.element, term.isPrefix && $0.offset == term.words.count - 1) }
        }
    }

    /// The query in SQLite FTS5's syntax: every word quoted, so no user text is an operator.
    public var fts5: String {
        alternatives.map { terms in
            let found = terms.filter { !$0.isExcluded }.map(Self.fts5).joined(separator: " AND ")
            let left = terms.filter(\.isExcluded).map { " NOT " + Self.fts5($0) }.joined()
            return "((\(found))\(left))"
        }.joined(separator: " OR ")
    }

    /// The query in PostgreSQL's `to_tsquery` syntax, every word quoted as a lexeme.
    public var tsquery: String {
        alternatives.map { terms in
            "(" + terms.map { ($0.isExcluded ? "!" : "") + Self.tsquery($0) }.joined(separator: " & ") + ")"
        }.joined(separator: " | ")
    }

    private static func fts5(_ term: Term) -> String {
        "\"" + term.words.joined(separator: " ") + "\"" + (term.isPrefix ? "*" : "")
    }

    private static func tsquery(_ term: Term) -> String {
        let lexemes = term.words.enumerated().map { offset, word in
            "'\(word)'" + (term.isPrefix && offset == term.words.count - 1 ? ":*" : "")
        }
        return "(" + lexemes.joined(separator: " <-> ") + ")"
    }

    private struct Token {
        var text: Substring
        var isQuoted: Bool
        var isPrefix: Bool
    }

    /// Splits at white space; a quote opens a phrase that runs to the next quote or the end.
    private static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if character == "\"" {
                let start = text.index(after: index)
                let end = text[start...].firstIndex(of: "\"") ?? text.endIndex
                index = end < text.endIndex ? text.index(after: end) : end
                let prefix = index < text.endIndex && text[index] == "*"
                if prefix { index = text.index(after: index) }
                tokens.append(Token(text: text[start..<end], isQuoted: true, isPrefix: prefix))
            } else {
                let end = text[index...].firstIndex { $0.isWhitespace || $0 == "\"" } ?? text.endIndex
                let word = text[index..<end]
                tokens.append(Token(text: word, isQuoted: false, isPrefix: word.last == "*"))
                index = end
            }
        }
        return tokens
    }

    private static func term(_ token: Token) -> Term? {
        var text = token.text
        var excluded = false
        if !token.isQuoted, text.first == "-" {
            excluded = true
            text = text.dropFirst()
        }
        let words = SearchText.words(in: String(text)).map(\.folded)
        guard !words.isEmpty else { return nil }
        return Term(words: words, isPrefix: token.isPrefix, isExcluded: excluded)
    }
}
