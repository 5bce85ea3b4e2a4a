/// Colours and attributes for every ``ThemeRole``: what the renderer paints with.
///
/// Themes are text files a user can copy and edit (see `Themes/README.md`). Every theme
/// starts from ``standard`` and overrides what it names, so a theme written before a role
/// existed still styles it sensibly.
public struct Theme: Hashable, Sendable {
    /// The name it was loaded under (`default`, `light`, a user theme's file name).
    public var name: String
    private var styles: [ThemeRole: CellStyle]

    public init(name: String, styles: [ThemeRole: CellStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The style of `role`; plain when the theme says nothing about it.
    public subscript(role: ThemeRole) -> CellStyle {
        get { styles[role] ?? .plain }
        set { styles[role] = newValue }
    }

    /// True when no role uses a colour: the theme is safe under `NO_COLOR`.
    public var isMonochrome: Bool {
        styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault }
    }
}
