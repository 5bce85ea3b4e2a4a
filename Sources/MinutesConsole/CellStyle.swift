/// How one cell looks: colours and the attributes every terminal has.
///
/// Only attributes that work on the Linux console and through `NO_COLOR` are offered;
/// italics and underline are unreliable there.
public struct CellStyle: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool

    public init(
        foreground: ThemeColor = .terminalDefault,
        background: ThemeColor = .terminalDefault,
        bold: Bool = false,
        dim: Bool = false,
        reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
    }

    /// The terminal's own colours, no attributes.
    public static let plain = CellStyle()
}
