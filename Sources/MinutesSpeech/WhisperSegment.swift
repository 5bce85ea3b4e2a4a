import Foundation
import MinutesCore

/// A segment as whisper.cpp returns it, with words assembled from its tokens.
struct WhisperSegment {
    /// One text token with its timing (seconds) and probability.
    struct Token {
        var bytes: [UInt8]
        var start: Double
        var end: Double
        var probability: Float
    }

    /// The tokens of one word; a word starts at a token that begins with a space.
    struct WordBuilder {
        var tokens: [Token]

        /// The word, decoded from all its tokens' bytes at once (a multi-byte character can
        /// be split across tokens), or nil when it is only white space.
        var word: Word? {
            let text = String(decoding: tokens.flatMap(\.bytes), as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, let first = tokens.first, let last = tokens.last else { return nil }
            let confidence = tokens.map { Double($0.probability) }.reduce(0, +) / Double(tokens.count)
            return Word(text: text, start: first.start, end: max(last.end, first.start), confidence: confidence)
        }
    }

    var start: Double
    var end: Double
    var text: String
    var words: [Word]
    /// The language the decode was run in or detected (`en`, `de`, …).
    var language: String?
}
