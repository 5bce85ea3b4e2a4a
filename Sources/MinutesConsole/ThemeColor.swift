/// A terminal colour as theme files name it.
///
/// Themes stay portable by preferring the eight basic colours; `bright-*` and the 256-colour
/// palette are there for terminals that have them, and ``downgraded(toColorCount:)`` maps
/// them back for terminals that do not.
public enum ThemeColor: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// A palette index: 0–7 basic, 8–15 bright, 16–255 the xterm cube and grey ramp.
    case palette(UInt8)

    /// The eight basic colour names, in palette order.
    public static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    public static let black = ThemeColor.palette(0)
    public static let red = ThemeColor.palette(1)
    public static let green = ThemeColor.palette(2)
    public static let yellow = ThemeColor.palette(3)
    public static let blue = ThemeColor.palette(4)
    public static let magenta = ThemeColor.palette(5)
    public static let cyan = ThemeColor.palette(6)
    public static let white = ThemeColor.palette(7)

    /// The bright variant of a basic colour (`bright(.red)` is palette 9).
    public static func bright(_ basic: ThemeColor) -> ThemeColor {
        guard case .palette(let index) = basic, index < 8 else { return basic }
        return .palette(index + 8)
    }

    /// Parses `red`, `bright-red`, `default` or `0`–`255`.
    public init?(name: String) {
        let lowered = name.lowercased()
        if lowered == "default" {
            self = .terminalDefault
        } else if let index = ThemeColor.basicNames.firstIndex(of: lowered) {
            self = .palette(UInt8(index))
        } else if lowered.hasPrefix("bright-"),
            let index = ThemeColor.basicNames.firstIndex(of: String(lowered.dropFirst("bright-".count)))
        {
            self = .palette(UInt8(index + 8))
        } else if let number = UInt8(lowered) {
            self = .palette(number)
        } else {
            return nil
        }
    }

    /// The name a theme file would use for this colour.
    public var description: String {
        switch self {
        case .terminalDefault: "default"
        case .palette(let index) where index < 8: ThemeColor.basicNames[Int(index)]
        case .palette(let index) where index < 16: "bright-" + ThemeColor.basicNames[Int(index) - 8]
        case .palette(let index): String(index)
        }
    }
}
