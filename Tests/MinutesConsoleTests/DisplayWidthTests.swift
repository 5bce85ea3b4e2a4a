import MinutesConsole
import Testing

struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("中", 2), ("한", 2), ("ア", 2), ("Ａ", 2), ("😀", 2), ("👍🏽", 2),
        ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("❤️", 2), ("❤", 1), ("\u{301}", 0), ("\u{200B}", 0), ("\u{7}", 0), ("─", 1),
    ])
    func measuresGraphemes(text: String, width: Int) {
        #expect(text.count == 1)
        #expect(DisplayWidth.of(Character(text)) == width)
    }

    @Test func measuresAndTruncatesStrings() {
        #expect(DisplayWidth.of(text: "ab中文😀") == 8)
        #expect(DisplayWidth.truncate("中文中文", to: 6) == "中文…")
        #expect(DisplayWidth.truncate("中文中文", to: 5) == "中文…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        #expect(DisplayWidth.truncateLeading("/home/ana/Recordings", to: 12) == "…/Recordings")
        #expect(DisplayWidth.padded("ab", to: 4) == "ab  ")
    }

    @Test func sanitizingRemovesControlSequences() {
        #expect(DisplayWidth.sanitized("a\u{1B}[31mred\tb\nc") == "a[31mred b c")
    }
}
