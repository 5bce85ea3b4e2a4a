import Foundation
import MinutesConsole
import MinutesCore
import Testing

struct ThemeTests {
    /// The repository's `Themes/` directory.
    private static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes").path

    @Test func parsesStylesColoursAndComments() throws {
        let text = """
            # a comment
            status = black on cyan   # trailing comment
            partial = bright-black dim
            speaker.1 = 208 bold
            header.bg = default
            HEADER.FG = bright-white

            selection = reverse
            """
        let theme = try ThemeParser.parse(text, name: "mine", source: "mine.theme")
        #expect(theme.name == "mine")
        #expect(theme[.status] == CellStyle(foreground: .black, background: .cyan))
        #expect(theme[.partial] == CellStyle(foreground: .palette(8), dim: true))
        #expect(theme[.speaker(0)] == CellStyle(foreground: .palette(208), bold: true))
        #expect(theme[.header] == CellStyle(foreground: .palette(15), background: .terminalDefault, bold: true))
        #expect(theme[.selection] == CellStyle(reverse: true))
        // Roles the file leaves out keep the default theme's style.
        #expect(theme[.time] == Theme.standard[.time])
    }

    @Test(arguments: [
        ("speker.1 = red", "t.theme:1: unknown key 'speker.1'"),
        ("status = purple", "t.theme:1: unknown colour or attribute 'purple'"),
        ("\nstatus", "t.theme:2: expected 'key = value'"),
        ("status = red on", "t.theme:1: 'on' must be followed by a colour"),
        ("status.fg = 256", "t.theme:1: unknown colour '256'"),
        ("status = red green", "t.theme:1: two foreground colours; use 'on' for the background"),
    ])
    func reportsTheLineOfAnError(text: String, message: String) {
        #expect {
            try ThemeParser.parse(text, name: "t", source: "t.theme")
        } throws: { error in
            (error as? MinutesError)?.message == message
        }
    }

    @Test func theShippedDefaultThemeFileMatchesTheBuiltInOne() throws {
        let library = ThemeLibrary(directories: [Self.themesDirectory])
        let theme = try library.load("default")
        #expect(theme == Theme.standard)
    }

    @Test func theShippedThemesLoadAndTheDefaultUsesOnlyEightColours() throws {
        let library = ThemeLibrary(directories: [Self.themesDirectory])
        #expect(library.availableThemes() == ["default", "high-contrast", "light", "monochrome"])
        for name in library.availableThemes() {
            _ = try library.load(name)
        }
        for role in ThemeRole.all {
            for color in [Theme.standard[role].foreground, Theme.standard[role].background] {
                #expect(color.downgraded(toColorCount: 8) == color, "\(role) uses \(color)")
            }
        }
    }

    @Test func aUserThemeOverridesAShippedOneAndUnknownNamesListTheKnownOnes() throws {
        let config = FileManager.default.temporaryDirectory
            .appendingPathComponent("minutes-config-\(UInt32.random(in: 0...UInt32.max))").path
        let user = config + "/minutes/themes"
        try FileManager.default.createDirectory(atPath: user, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        try "status = red on black\n".write(toFile: user + "/light.theme", atomically: true, encoding: .utf8)
        try "text = bold\n".write(toFile: user + "/mine.theme", atomically: true, encoding: .utf8)

        let library = ThemeLibrary(environment: ["XDG_CONFIG_HOME": config], bundledDirectories: [Self.themesDirectory])
        #expect(library.directories == [user, Self.themesDirectory])
        #expect(try library.load("light")[.status] == CellStyle(foreground: .red, background: .black))
        #expect(try library.load("mine")[.text] == CellStyle(bold: true))
        #expect(try library.load("high-contrast").name == "high-contrast")

        #expect(throws: MinutesError.unknownTheme("x", known: [])) { try library.load("nope") }
        #expect {
            try library.load("../etc/passwd")
        } throws: { error in
            (error as? MinutesError)?.message
                == "unknown theme '../etc/passwd'; known themes: default, high-contrast, light, mine, monochrome"
        }
    }

    @Test func theUserDirectoryFollowsXDG() {
        #expect(ThemeLibrary.userDirectory(environment: ["XDG_CONFIG_HOME": "/cfg"]) == "/cfg/minutes/themes")
        #expect(ThemeLibrary.userDirectory(environment: ["HOME": "/home/ana"]) == "/home/ana/.config/minutes/themes")
    }

    @Test func noColorGivesTheMonochromeThemeUnlessAThemeIsAskedFor() throws {
        let library = ThemeLibrary(directories: [Self.themesDirectory])
        #expect(try library.resolve(option: nil, environment: ["NO_COLOR": "1"]) == Theme.monochrome)
        #expect(
            try library.resolve(option: nil, environment: ["NO_COLOR": "1", "MINUTES_THEME": "light"])
                == Theme.monochrome
        )
        #expect(try library.resolve(option: nil, environment: ["NO_COLOR": ""]).name == "default")
        #expect(try library.resolve(option: nil, environment: ["MINUTES_THEME": "light"]).name == "light")
        #expect(try library.resolve(option: "high-contrast", environment: ["NO_COLOR": "1"]).name == "high-contrast")
        #expect(Theme.monochrome.isMonochrome)
        #expect(!Theme.standard.isMonochrome)
    }

    @Test func theMonochromeThemeStillDistinguishesPartsOfTheScreen() {
        var machine = ConsoleFixture.machine()
        machine.send(
            .segmentAppended(ConsoleFixture.segment(0, at: 1, ConsoleFixture.first, "Hello")),
            .caption(
                LiveCaption(utterance: 1, start: 3, end: 4, stableText: "and", tentativeText: "then", isFinal: false)
            )
        )
        let grid = ScreenRenderer().render(machine.state, theme: .monochrome, size: .standard)
        #expect(
            grid.cells.allSatisfy { $0.style.foreground == .terminalDefault && $0.style.background == .terminalDefault }
        )
        #expect(grid[0, 10].style.reverse)
        #expect(grid[2, 12].style.bold)
        #expect(grid[3, 23].style.dim)
        #expect(grid[23, 10].style.reverse)
    }

    @Test(arguments: [
        (ThemeColor.palette(9), 8, ThemeColor.red), (.palette(25), 8, .blue), (.palette(196), 8, .red),
        (.palette(231), 8, .white), (.palette(232), 8, .black), (.palette(208), 16, .palette(9)),
        (.palette(28), 16, .green),
        (.palette(100), 256, .palette(100)), (.terminalDefault, 8, .terminalDefault),
    ])
    func downgradesColoursForSmallPalettes(color: ThemeColor, count: Int, expected: ThemeColor) {
        #expect(color.downgraded(toColorCount: count) == expected)
    }

    @Test func colourNamesRoundTrip() {
        for index in 0...255 {
            let color = ThemeColor.palette(UInt8(index))
            #expect(ThemeColor(name: color.description) == color)
        }
        #expect(ThemeColor(name: "Bright-Cyan") == .palette(14))
        #expect(ThemeColor(name: "default") == .terminalDefault)
        #expect(ThemeColor(name: "bright-") == nil)
    }
}
