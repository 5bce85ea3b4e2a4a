/// Word wrapping by display width.
///
/// Lines break at spaces, and between wide characters, since Chinese and Japanese text has
/// no spaces. A word longer than a line is broken at a grapheme boundary; a wide character
/// is never split. Spaces at a break are dropped, spaces inside a line kept.
public enum TextWrapper {
    /// `text` wrapped to `width` columns; at least one (possibly empty) line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        return wrap(characters, width: width).map { String(characters[$0]) }
    }

    /// The lines of `characters` as index ranges, so callers can carry per-character styling
    /// (search matches) through the wrap.
    public static func wrap(_ characters: [Character], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var lines: [Range<Int>] = []
        var line: Range<Int>?
        var lineWidth = 0
        var pendingSpaces = 0
        for token in tokens(of: characters) {
            if token.isSpace {
                if line != nil { pendingSpaces += token.width }
                continue
            }
            if let current = line, lineWidth + pendingSpaces + token.width <= width {
                line = current.lowerBound..<token.range.upperBound
                lineWidth += pendingSpaces + token.width
                pendingSpaces = 0
                continue
            }
            if let current = line { lines.append(current) }
            pendingSpaces = 0
            // Break a token wider than a line at grapheme boundaries.
            var start = token.range.lowerBound
            var used = 0
            for index in token.range {
                let columns = DisplayWidth.of(characters[index])
                if used + columns > width, index > start {
                    lines.append(start..<index)
                    start = index
                    used = 0
                }
                used += columns
            }
            line = start..<token.range.upperBound
            lineWidth = used
        }
        if let line { lines.append(line) }
        return lines.isEmpty ? [0..<0] : lines
    }

    private struct Token {
        var range: Range<Int>
        var width: Int
        var isSpace: Bool
    }

    /// Runs of spaces, runs of narrow non-space characters, and single wide characters.
    private static func tokens(of characters: [Character]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let start = index
            let isSpace = characters[index] == " "
            var width = DisplayWidth.of(characters[index])
            index += 1
            if width < 2 {
                while index < characters.count, (characters[index] == " ") == isSpace,
                    isSpace || DisplayWidth.of(characters[index]) < 2
                {
                    width += DisplayWidth.of(characters[index])
                    index += 1
                }
            }
            tokens.append(Token(range: start..<index, width: width, isSpace: isSpace))
        }
        return tokens
    }
}
