/// How many terminal columns text occupies.
///
/// Terminals lay out East Asian wide and fullwidth characters and emoji in two columns,
/// combining marks in none. Getting this wrong shifts every later cell of the row, so the
/// renderer measures each grapheme with this table instead of counting characters. The
/// table is deliberately compact (the wide blocks of Unicode's East Asian Width property
/// plus the standard library's emoji presentation flag) and follows what `wcwidth` and
/// common terminals do; ambiguous-width characters count as one column.
public enum DisplayWidth {
    /// The columns one grapheme takes: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isZeroWidth(first) { return 0 }
        if isWide(first) { return 2 }
        // An emoji with text presentation by default (❤, ☺) turns wide with VS16.
        if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// The columns a whole string takes.
    public static func of(text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    ///
    /// A wide character that would straddle the limit is left out rather than split, and
    /// spaces or separators just before the cut go too (`tiny…`, not `tiny.…`).
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text: text) > width else { return text }
        var kept = Substring(prefix(text, width: width - 1))
        while let last = kept.last, " ·.,;:-".contains(last), kept.count > 1 { kept.removeLast() }
        return kept + "…"
    }

    /// `text` cut from the front to at most `width` columns, starting with `…`.
    ///
    /// Paths keep their most telling part, the file name, at the end.
    public static func truncateLeading(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text: text) > width else { return text }
        var kept: [Character] = []
        var used = 1
        for character in text.reversed() {
            let columns = of(character)
            if used + columns > width { break }
            used += columns
            kept.append(character)
        }
        return "…" + String(kept.reversed())
    }

    /// The longest prefix of `text` that fits in `width` columns.
    public static func prefix(_ text: String, width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let columns = of(character)
            if used + columns > width { break }
            used += columns
            result.append(character)
        }
        return result
    }

    /// `text` padded with spaces to exactly `width` columns, truncated with `…` if longer.
    public static func padded(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(text: cut)))
    }

    /// `text` safe to show: tabs and line breaks become spaces, other control characters go.
    ///
    /// Transcript text and file names reach the terminal; an escape sequence in them must not.
    public static func sanitized(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            guard let first = character.unicodeScalars.first else { continue }
            if character.isNewline || first == "\t" {
                result.append(" ")
            } else if first.properties.generalCategory != .control {
                result.append(character)
            }
        }
        return result
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control, .format: true
        default: (0x1160...0x11FF).contains(scalar.value)
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        let value = scalar.value
        guard value >= 0x1100 else { return false }
        return wideRanges.contains { $0.contains(value) }
    }

    /// The East Asian Wide (W) and Fullwidth (F) blocks, coarsened to whole blocks.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility, CJK compatibility
        0x3400...0x4DBF,  // CJK Extension A
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo Extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FE4,  // ideographic symbols
        0x17000...0x18CFF,  // Tangut
        0x1B000...0x1B2FF,  // Kana supplement and extensions, Nushu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x3FFFD,  // CJK Extensions B–H
    ]
}
