import Foundation

/// How text is folded for search, in one place so that every backend indexes and queries
/// the same words.
///
/// A word is a run of letters and digits in any script; case, accents and width are folded
/// (`Café` and `CAFE` are one word), everything else separates words. SQLite's and
/// PostgreSQL's own tokenizers differ on hyphens, apostrophes, numbers and e-mail addresses, so
/// they are given text that is already words separated by single spaces and have nothing left
/// to decide.
public enum SearchText {
    /// A word of `text` with where it stands, to mark matches in the original.
    public struct Word: Hashable, Sendable {
        public var range: Range<String.Index>
        public var folded: String
    }

    /// The words of `text`, in order.
    public static func words(in text: String) -> [Word] {
        var words: [Word] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
            } else if let begun = start {
                words.append(Word(range: begun..<index, folded: fold(text[begun..<index])))
                start = nil
            }
            index = next
        }
        if let begun = start {
            words.append(Word(range: begun..<text.endIndex, folded: fold(text[begun..<text.endIndex])))
        }
        return words
    }

    /// `text` as the index holds it: its folded words separated by single spaces.
    ///
    /// A forgotten speaker's redaction marker holds no words, so redacted text is never found.
    public static func indexed(_ text: String) -> String {
        let visible = text.replacingOccurrences(of: Segment.redactedText, with: " ")
        return words(in: visible).map(\.folded).joined(separator: " ")
    }

    static func fold(_ word: Substring) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
