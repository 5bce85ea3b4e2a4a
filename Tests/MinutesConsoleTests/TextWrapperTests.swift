import MinutesConsole
import Testing

struct TextWrapperTests {
    @Test func wrapsAtSpacesAndDropsThemAtBreaks() {
        #expect(TextWrapper.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(TextWrapper.wrap("  leading and   inner  ", width: 40) == ["leading and   inner"])
        #expect(TextWrapper.wrap("", width: 10) == [""])
    }

    @Test func breaksWordsLongerThanALine() {
        #expect(TextWrapper.wrap("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
    }

    @Test func breaksBetweenWideCharactersWithoutSplittingThem() {
        #expect(TextWrapper.wrap("日本語のテキスト", width: 5) == ["日本", "語の", "テキ", "スト"])
        #expect(TextWrapper.wrap("ok 日本語", width: 6) == ["ok 日", "本語"])
        #expect(TextWrapper.wrap("😀😀😀", width: 3) == ["😀", "😀", "😀"])
    }
}
