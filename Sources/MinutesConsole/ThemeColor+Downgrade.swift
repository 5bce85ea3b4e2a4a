extension ThemeColor {
    /// The nearest colour a terminal with `colorCount` colours can show.
    ///
    /// curses reports `COLORS`; an 8-colour terminal gets bright colours as their basic
    /// variant and palette colours as the nearest basic one, so a theme written for 256
    /// colours still reads on the Linux console.
    public func downgraded(toColorCount colorCount: Int) -> ThemeColor {
        guard case .palette(let index) = self, Int(index) >= colorCount else { return self }
        if index < 16 { return .palette(index - 8) }
        let (red, green, blue) = ThemeColor.rgbLevels(of: index)
        if colorCount >= 16 {
            // Bright when any channel is strong; basic otherwise.
            let basic = ThemeColor.nearestBasic(red: red, green: green, blue: blue)
            let isBright = max(red, green, blue) > 3
            return .palette(basic + (isBright && basic != 0 ? 8 : 0))
        }
        return .palette(ThemeColor.nearestBasic(red: red, green: green, blue: blue))
    }

    /// Channel levels 0–5 of a cube colour (16–231) or a grey (232–255).
    private static func rgbLevels(of index: UInt8) -> (Int, Int, Int) {
        if index >= 232 {
            let level = (Int(index) - 232) * 6 / 24
            return (level, level, level)
        }
        let cube = Int(index) - 16
        return (cube / 36, cube / 6 % 6, cube % 6)
    }

    /// The basic colour whose channels best match: each channel counts as on above level 2.
    private static func nearestBasic(red: Int, green: Int, blue: Int) -> UInt8 {
        let strongest = max(red, green, blue)
        guard strongest > 1 else { return 0 }
        // A channel is on when it is within two levels of the strongest one.
        let threshold = max(2, strongest - 1)
        let bits = (red >= threshold ? 1 : 0) | (green >= threshold ? 2 : 0) | (blue >= threshold ? 4 : 0)
        return UInt8(bits)
    }
}
