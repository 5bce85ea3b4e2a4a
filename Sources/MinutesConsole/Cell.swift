/// One column of the screen.
///
/// A wide character (CJK, emoji) occupies two cells: the first holds the grapheme with
/// `width` 2, the second is a continuation cell (`width` 0, empty `character`) that a
/// renderer skips, because the terminal fills it when it draws the first.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, or `""` in a continuation cell.
    public var character: String
    /// 1 or 2 for a cell that starts a character; 0 for a continuation cell.
    public var width: Int
    public var style: CellStyle

    public init(character: String, width: Int, style: CellStyle) {
        self.character = character
        self.width = width
        self.style = style
    }

    /// A space in `style`.
    public static func blank(_ style: CellStyle = .plain) -> Cell {
        Cell(character: " ", width: 1, style: style)
    }

    /// The right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}
