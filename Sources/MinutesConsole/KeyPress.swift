/// A key as the console understands it, decoded from curses by the app's reader thread.
///
/// Resizes arrive through the same channel because curses reports them as a key
/// (`KEY_RESIZE`).
public enum KeyPress: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    case enter
    case escape
    case tab
    case backspace
    case up
    case down
    case pageUp
    case pageDown
    case home
    case end
    /// The terminal now has `rows` rows and `cols` columns.
    case resize(rows: Int, cols: Int)
}
