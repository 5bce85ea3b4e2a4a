/// The colour pairs a curses screen needs, allocated on demand: the pure half of colour
/// handling, tested without a terminal.
///
/// curses draws colour through numbered (foreground, background) pairs that must be defined
/// before use, and terminals have a limited number of them. A theme uses a few dozen
/// combinations at most, so pairs are defined the first time a combination is drawn and
/// reused after that. Colours are first ``ThemeColor/downgraded(toColorCount:)`` to what the
/// terminal reports, so a 256-colour theme still reads on an 8-colour console.
public struct CursesPalette: Sendable {
    /// A colour pair to draw with; when ``isNew``, the terminal must define it (`init_pair`)
    /// before its first use.
    public struct Allocation: Hashable, Sendable {
        /// The pair number; 0 is the terminal's default colours and needs no definition.
        public var number: Int
        /// The curses colour number of the foreground; -1 for the terminal's default.
        public var foreground: Int
        /// The curses colour number of the background; -1 for the terminal's default.
        public var background: Int
        /// True the first time this pair is handed out.
        public var isNew: Bool

        public init(number: Int, foreground: Int, background: Int, isNew: Bool) {
            self.number = number
            self.foreground = foreground
            self.background = background
            self.isNew = isNew
        }
    }

    /// The palette size colours are downgraded to: 0 when colour is off.
    ///
    /// A direct-colour terminal (`xterm-direct`, `COLORS` = 2^24) reads colour numbers above 7
    /// as RGB values rather than palette indices, so it is treated as an 8-colour one.
    public let colorCount: Int
    /// Pairs available, counting pair 0 (curses' `COLOR_PAIRS`).
    public let pairLimit: Int
    /// True when `use_default_colors` succeeded, so -1 means the terminal's own colour.
    public let hasDefaultColors: Bool
    /// True once a combination found no free pair and fell back to pair 0.
    public private(set) var isExhausted: Bool
    private var numbers: [ColorKey: Int]

    /// A palette for a terminal with `colorCount` colours (0 when colour is off) and
    /// `pairLimit` pairs.
    public init(colorCount: Int, pairLimit: Int, hasDefaultColors: Bool) {
        self.colorCount = colorCount > 256 ? 8 : max(0, colorCount)
        self.pairLimit = max(0, pairLimit)
        self.hasDefaultColors = hasDefaultColors
        self.isExhausted = false
        self.numbers = [:]
    }

    /// A palette that never colours: every style draws in pair 0.
    public static let monochrome = CursesPalette(colorCount: 0, pairLimit: 0, hasDefaultColors: false)

    /// How many pairs have been allocated so far (pair 0 not counted).
    public var allocatedCount: Int { numbers.count }

    /// The pair for `style`'s colours, allocating one the first time a combination appears.
    ///
    /// The terminal's default colours on both sides, colour turned off, or no pair left all
    /// give pair 0; attributes (bold, dim, reverse) still apply, so a screen stays readable.
    public mutating func allocation(for style: CellStyle) -> Allocation {
        guard colorCount > 0 else { return Allocation(number: 0, foreground: -1, background: -1, isNew: false) }
        let key = ColorKey(
            foreground: curses(style.foreground, default: 7),
            background: curses(style.background, default: 0)
        )
        let defaultKey =
            hasDefaultColors ? ColorKey(foreground: -1, background: -1) : ColorKey(foreground: 7, background: 0)
        if key == defaultKey {
            return Allocation(number: 0, foreground: key.foreground, background: key.background, isNew: false)
        }
        if let number = numbers[key] {
            return Allocation(number: number, foreground: key.foreground, background: key.background, isNew: false)
        }
        let number = numbers.count + 1
        guard number < pairLimit else {
            isExhausted = true
            return Allocation(number: 0, foreground: key.foreground, background: key.background, isNew: false)
        }
        numbers[key] = number
        return Allocation(number: number, foreground: key.foreground, background: key.background, isNew: true)
    }

    /// The curses colour number for `color`.
    ///
    /// The terminal's default is -1 when `use_default_colors` worked, otherwise `fallback`
    /// (white text on black, curses' own default pair).
    private func curses(_ color: ThemeColor, default fallback: Int) -> Int {
        switch color.downgraded(toColorCount: colorCount) {
        case .terminalDefault: hasDefaultColors ? -1 : fallback
        case .palette(let index): Int(index)
        }
    }
}

/// A (foreground, background) pair of curses colour numbers.
private struct ColorKey: Hashable, Sendable {
    var foreground: Int
    var background: Int
}
