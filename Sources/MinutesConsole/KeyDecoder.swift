/// Turns what curses' `wget_wch` returns into ``KeyPress`` values: the key map, kept pure
/// so it is tested without a terminal.
///
/// `wget_wch` reports either a character (`OK`) or a function key code (`KEY_CODE_YES`);
/// the codes below are ncurses' fixed values from `curses.h`.
public enum KeyDecoder {
    public static let keyDown: Int32 = 0o402
    public static let keyUp: Int32 = 0o403
    public static let keyHome: Int32 = 0o406
    public static let keyBackspace: Int32 = 0o407
    public static let keyNextPage: Int32 = 0o522
    public static let keyPreviousPage: Int32 = 0o523
    public static let keyEnter: Int32 = 0o527
    public static let keyEnd: Int32 = 0o550
    /// The terminal was resized: the app reads `LINES` and `COLS` and sends ``KeyPress/resize(rows:cols:)``.
    public static let keyResize: Int32 = 0o632

    /// The key for a function key code; `nil` for keys the console ignores and for
    /// ``keyResize``, which needs the new size.
    public static func key(functionKey code: Int32) -> KeyPress? {
        switch code {
        case keyDown: .down
        case keyUp: .up
        case keyHome: .home
        case keyEnd: .end
        case keyBackspace: .backspace
        case keyNextPage: .pageDown
        case keyPreviousPage: .pageUp
        case keyEnter: .enter
        default: nil
        }
    }

    /// The key for a character; `nil` for control characters the console ignores.
    public static func key(character scalar: Unicode.Scalar) -> KeyPress? {
        switch scalar.value {
        case 0x0A, 0x0D: .enter
        case 0x1B: .escape
        case 0x09: .tab
        case 0x08, 0x7F: .backspace
        case 0x00..<0x20: nil
        default: .character(Character(scalar))
        }
    }
}
