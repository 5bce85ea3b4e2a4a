import MinutesConsole
import Testing

struct TerminalPaletteTests {
    private func style(_ foreground: ThemeColor, on background: ThemeColor = .terminalDefault) -> CellStyle {
        CellStyle(foreground: foreground, background: background)
    }

    @Test func allocatesAPairPerCombinationOnceAndReusesIt() {
        var palette = CursesPalette(colorCount: 256, pairLimit: 256, hasDefaultColors: true)
        #expect(
            palette.allocation(for: style(.red))
                == CursesPalette.Allocation(number: 1, foreground: 1, background: -1, isNew: true)
        )
        #expect(
            palette.allocation(for: style(.white, on: .blue))
                == CursesPalette.Allocation(number: 2, foreground: 7, background: 4, isNew: true)
        )
        // Same colours, other attributes: the same pair, not defined again.
        var bold = style(.red)
        bold.bold = true
        bold.reverse = true
        #expect(
            palette.allocation(for: bold)
                == CursesPalette.Allocation(number: 1, foreground: 1, background: -1, isNew: false)
        )
        #expect(palette.allocatedCount == 2)
    }

    @Test func theTerminalsOwnColoursArePairZero() {
        var palette = CursesPalette(colorCount: 8, pairLimit: 64, hasDefaultColors: true)
        #expect(palette.allocation(for: .plain).number == 0)
        #expect(palette.allocation(for: CellStyle(bold: true, dim: true)).isNew == false)
        #expect(palette.allocatedCount == 0)
    }

    @Test func withoutDefaultColoursTheDefaultIsWhiteOnBlack() {
        var palette = CursesPalette(colorCount: 8, pairLimit: 64, hasDefaultColors: false)
        #expect(
            palette.allocation(for: .plain)
                == CursesPalette.Allocation(number: 0, foreground: 7, background: 0, isNew: false)
        )
        #expect(palette.allocation(for: style(.white, on: .black)).number == 0)
        #expect(
            palette.allocation(for: style(.cyan))
                == CursesPalette.Allocation(number: 1, foreground: 6, background: 0, isNew: true)
        )
    }

    @Test func coloursAreDowngradedToWhatTheTerminalHas() {
        var eight = CursesPalette(colorCount: 8, pairLimit: 64, hasDefaultColors: true)
        #expect(eight.allocation(for: style(.bright(.red))).foreground == 1)
        #expect(eight.allocation(for: style(.palette(196))).foreground == 1)
        // Both map to red on default: one pair serves them.
        #expect(eight.allocatedCount == 1)

        var many = CursesPalette(colorCount: 256, pairLimit: 64, hasDefaultColors: true)
        #expect(many.allocation(for: style(.palette(196))).foreground == 196)
    }

    @Test func aDirectColourTerminalIsTreatedAsEightColours() {
        var palette = CursesPalette(colorCount: 1 << 24, pairLimit: 65536, hasDefaultColors: true)
        #expect(palette.colorCount == 8)
        #expect(palette.allocation(for: style(.bright(.green))).foreground == 2)
    }

    @Test func withColourOffEverythingIsPairZero() {
        var palette = CursesPalette.monochrome
        #expect(palette.allocation(for: style(.red, on: .blue)).number == 0)
        var noColors = CursesPalette(colorCount: 0, pairLimit: 64, hasDefaultColors: true)
        #expect(noColors.allocation(for: style(.red)).number == 0)
        #expect(noColors.allocatedCount == 0)
    }

    @Test func whenPairsRunOutTheRestFallBackToPairZero() {
        var palette = CursesPalette(colorCount: 8, pairLimit: 3, hasDefaultColors: true)
        #expect(palette.allocation(for: style(.red)).number == 1)
        #expect(palette.allocation(for: style(.green)).number == 2)
        #expect(!palette.isExhausted)
        #expect(
            palette.allocation(for: style(.blue))
                == CursesPalette.Allocation(number: 0, foreground: 4, background: -1, isNew: false)
        )
        #expect(palette.isExhausted)
        // Pairs already handed out keep working.
        #expect(palette.allocation(for: style(.green)).number == 2)
    }
}
