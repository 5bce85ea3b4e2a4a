import MinutesConsole
import MinutesTestSupport
import Testing

struct TerminalKeyTests {
    private static let size = TerminalSize(rows: 40, cols: 120)
    private static let character = CursesTerminal.characterStatus
    private static let functionKey = CursesTerminal.functionKeyStatus

    @Test(
        arguments: [
            (character, UInt32(UInt8(ascii: "a")), KeyPress.character("a")),
            (character, 0x65E5, .character("日")),
            (character, 0x1F600, .character("😀")),
            (character, 0x0D, .enter),
            (character, 0x1B, .escape),
            (character, 0x7F, .backspace),
            (functionKey, UInt32(KeyDecoder.keyUp), .up),
            (functionKey, UInt32(KeyDecoder.keyNextPage), .pageDown),
            (functionKey, UInt32(KeyDecoder.keyResize), .resize(rows: 40, cols: 120)),
        ] as [(Int32, UInt32, KeyPress)]
    )
    func decodesWhatWgetWchReturns(status: Int32, code: UInt32, key: KeyPress) {
        #expect(CursesTerminal.key(status: status, code: code, size: TerminalKeyTests.size) == key)
    }

    @Test(
        arguments: [
            (character, 0x01),  // Ctrl-A
            (character, 0xD800),  // not a scalar
            (functionKey, 0o411),  // F1
            (-1, 0),  // ERR: nothing waiting
        ] as [(Int32, UInt32)]
    )
    func ignoresKeysTheConsoleHasNoUseFor(status: Int32, code: UInt32) {
        #expect(CursesTerminal.key(status: status, code: code, size: TerminalKeyTests.size) == nil)
    }

    @Test(.hangGuard) @MainActor func inputYieldsKeysInOrderAndFinishesWhenCancelled() async {
        let terminal = InMemoryTerminal(typing: [.character("a"), .enter, .resize(rows: 10, cols: 60)])
        let input = TerminalInput(surface: terminal, pollInterval: .milliseconds(1), maximumKeysPerPoll: 2)
        var keys: [KeyPress] = []
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await input.run() }
            for await key in input.keys {
                keys.append(key)
                if keys.count == 3 { group.cancelAll() }
            }
        }
        #expect(keys == [.character("a"), .enter, .resize(rows: 10, cols: 60)])
    }
}
