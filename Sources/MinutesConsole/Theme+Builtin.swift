extension Theme {
    /// The default theme, built in so the console works without any theme file.
    ///
    /// It uses only the eight basic colours plus bold and dim, so it reads on the Linux
    /// console and on 8-colour terminals. `Themes/default.theme` spells out the same styles
    /// (a test keeps the two equal) as a starting point for user themes.
    public static let standard = Theme(
        name: "default",
        styles: [
            .header: CellStyle(foreground: .white, background: .blue, bold: true),
            .headerRecording: CellStyle(foreground: .white, background: .red, bold: true),
            .headerPaused: CellStyle(foreground: .black, background: .yellow, bold: true),
            .headerAlert: CellStyle(foreground: .yellow, background: .red, bold: true),
            .headerInfo: CellStyle(foreground: .cyan),
            .meter: CellStyle(foreground: .green),
            .meterPeak: CellStyle(foreground: .red, bold: true),
            .time: CellStyle(dim: true),
            .text: CellStyle(),
            .partial: CellStyle(dim: true),
            .bookmark: CellStyle(foreground: .yellow, bold: true),
            .placeholder: CellStyle(dim: true),
            .searchHit: CellStyle(foreground: .black, background: .yellow),
            .searchCurrent: CellStyle(foreground: .black, background: .green, bold: true),
            .speaker(0): CellStyle(foreground: .cyan, bold: true),
            .speaker(1): CellStyle(foreground: .yellow, bold: true),
            .speaker(2): CellStyle(foreground: .green, bold: true),
            .speaker(3): CellStyle(foreground: .magenta, bold: true),
            .speaker(4): CellStyle(foreground: .red, bold: true),
            .speaker(5): CellStyle(foreground: .blue, bold: true),
            .speaker(6): CellStyle(foreground: .white, bold: true),
            .speaker(7): CellStyle(foreground: .cyan),
            .status: CellStyle(foreground: .black, background: .white),
            .statusKey: CellStyle(foreground: .blue, background: .white, bold: true),
            .statusMessage: CellStyle(foreground: .black, background: .white, bold: true),
            .statusError: CellStyle(foreground: .white, background: .red, bold: true),
            .promptBorder: CellStyle(foreground: .cyan),
            .promptTitle: CellStyle(foreground: .cyan, bold: true),
            .promptText: CellStyle(),
            .promptInput: CellStyle(bold: true),
            .promptHint: CellStyle(dim: true),
            .selection: CellStyle(foreground: .black, background: .cyan),
            .warning: CellStyle(foreground: .yellow, bold: true),
        ]
    )

    /// The theme for `NO_COLOR`: no colours at all, only bold, dim and reverse.
    public static let monochrome = Theme(
        name: "monochrome",
        styles: [
            .header: CellStyle(reverse: true),
            .headerRecording: CellStyle(bold: true, reverse: true),
            .headerPaused: CellStyle(bold: true, reverse: true),
            .headerAlert: CellStyle(bold: true, reverse: true),
            .headerInfo: CellStyle(dim: true),
            .meter: CellStyle(),
            .meterPeak: CellStyle(bold: true),
            .time: CellStyle(dim: true),
            .text: CellStyle(),
            .partial: CellStyle(dim: true),
            .bookmark: CellStyle(bold: true),
            .placeholder: CellStyle(dim: true),
            .searchHit: CellStyle(reverse: true),
            .searchCurrent: CellStyle(bold: true, reverse: true),
            .speaker(0): CellStyle(bold: true),
            .speaker(1): CellStyle(bold: true),
            .speaker(2): CellStyle(bold: true),
            .speaker(3): CellStyle(bold: true),
            .speaker(4): CellStyle(bold: true),
            .speaker(5): CellStyle(bold: true),
            .speaker(6): CellStyle(bold: true),
            .speaker(7): CellStyle(bold: true),
            .status: CellStyle(reverse: true),
            .statusKey: CellStyle(bold: true, reverse: true),
            .statusMessage: CellStyle(bold: true, reverse: true),
            .statusError: CellStyle(bold: true, reverse: true),
            .promptBorder: CellStyle(bold: true),
            .promptTitle: CellStyle(bold: true),
            .promptText: CellStyle(),
            .promptInput: CellStyle(bold: true),
            .promptHint: CellStyle(dim: true),
            .selection: CellStyle(reverse: true),
            .warning: CellStyle(bold: true),
        ]
    )
}
