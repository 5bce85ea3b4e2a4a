import MinutesConsole
import Testing

struct KeyDecoderTests {
    @Test func decodesFunctionKeys() {
        #expect(KeyDecoder.key(functionKey: KeyDecoder.keyUp) == .up)
        #expect(KeyDecoder.key(functionKey: KeyDecoder.keyPreviousPage) == .pageUp)
        #expect(KeyDecoder.key(functionKey: KeyDecoder.keyNextPage) == .pageDown)
        #expect(KeyDecoder.key(functionKey: KeyDecoder.keyEnd) == .end)
        #expect(KeyDecoder.key(functionKey: KeyDecoder.keyResize) == nil)
        #expect(KeyDecoder.key(functionKey: 0o410) == nil)
    }

    @Test func decodesCharacters() {
        #expect(KeyDecoder.key(character: "\n") == .enter)
        #expect(KeyDecoder.key(character: "\u{1B}") == .escape)
        #expect(KeyDecoder.key(character: "\t") == .tab)
        #expect(KeyDecoder.key(character: "\u{7F}") == .backspace)
        #expect(KeyDecoder.key(character: "\u{1}") == nil)
        #expect(KeyDecoder.key(character: "é") == .character("é"))
        #expect(KeyDecoder.key(character: "中") == .character("中"))
    }

    @Test func choosesPlainLinesForDumbTerminals() {
        #expect(ConsoleMode.detect(environment: ["TERM": "xterm-256color"], isTerminal: true) == .fullScreen)
        #expect(ConsoleMode.detect(environment: ["TERM": "dumb"], isTerminal: true) == .plainLines)
        #expect(ConsoleMode.detect(environment: [:], isTerminal: true) == .plainLines)
        #expect(ConsoleMode.detect(environment: ["TERM": "xterm"], isTerminal: false) == .plainLines)
    }
}
