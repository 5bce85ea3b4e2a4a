import MinutesConsole
import Testing

struct TerminalSizeTests {
    @Test func describesColumnsFirst() {
        #expect(TerminalSize(rows: 24, cols: 80).description == "80×24")
        #expect(TerminalSize.standard.fits(TerminalSize(rows: 15, cols: 60)))
    }
}
