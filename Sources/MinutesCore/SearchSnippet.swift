/// The text of a hit with the words that matched marked, cut around the first match when long.
///
/// Marking works on the original text with the index's folding, so `cafe` marks `Café` and
/// both backends mark alike.
public enum SearchSnippet {
    public static let openMark = "«"
    public static let closeMark = "»"

    /// - Parameter width: the most characters of `text` kept around the first match.
    public static func marked(_ text: String, for expression: SearchExpression, width: Int = 160) -> String {
        let wanted = expression.markedWords
        let matches = SearchText.words(in: text).filter { word in
            wanted.contains { $0.isPrefix ? word.folded.hasPrefix($0.word) : word.folded == $0.word }
        }.map(\.range)
        let window = self.window(of: text, around: matches.first, width: width)
        var result = window.lowerBound > text.startIndex ? "…" : ""
        var position = window.lowerBound
        for match in matches where match.lowerBound >= window.lowerBound && match.upperBound <= window.upperBound {
            result += text[position..<match.lowerBound] + openMark + text[match] + closeMark
            position = match.upperBound
        }
        result += text[position..<window.upperBound]
        return result + (window.upperBound < text.endIndex ? "…" : "")
    }

    /// Up to `width` characters starting about a third of the width before the match, cut at
    /// spaces.
    private static func window(
        of text: String,
        around match: Range<String.Index>?,
        width: Int
    ) -> Range<String.Index> {
        guard text.count > width else { return text.startIndex..<text.endIndex }
        var start = text.startIndex
        if let match {
            let lead = text.distance(from: text.startIndex, to: match.lowerBound)
            start = text.index(text.startIndex, offsetBy: min(max(0, lead - width / 3), text.count - width))
        }
        var end = text.index(start, offsetBy: width)
        // Cut between words, never inside one.
        if start > text.startIndex, !text[text.index(before: start)].isWhitespace,
            let space = text[start...].firstIndex(where: \.isWhitespace), match.map({ space < $0.lowerBound }) ?? true
        {
            start = text.index(after: space)
        }
        if end < text.endIndex, !text[end].isWhitespace,
            let space = text[start..<end].lastIndex(where: \.isWhitespace),
            match.map({ space >= $0.upperBound }) ?? true
        {
            end = space
        }
        return start..<end
    }
}
