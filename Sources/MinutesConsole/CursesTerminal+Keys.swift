extension CursesTerminal {
    /// `wget_wch`'s status for a character.
    public nonisolated static let characterStatus: Int32 = 0
    /// `wget_wch`'s status for a function key code (`KEY_CODE_YES`).
    public nonisolated static let functionKeyStatus: Int32 = 0o400

    /// The key for what `wget_wch` returned, or `nil` for a key the console ignores (and for
    /// `ERR`, no key).
    ///
    /// Pure, so the mapping is tested without a terminal. `size` is used only for
    /// `KEY_RESIZE`, after which ncurses has updated `LINES` and `COLS`.
    ///
    /// - Parameters:
    ///   - status: ``characterStatus``, ``functionKeyStatus`` or `ERR`.
    ///   - code: The character (a Unicode scalar value) or the function key code.
    ///   - size: The terminal size now (`LINES` × `COLS`).
    public nonisolated static func key(status: Int32, code: UInt32, size: TerminalSize) -> KeyPress? {
        switch status {
        case characterStatus:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return KeyDecoder.key(character: scalar)
        case functionKeyStatus:
            guard let code = Int32(exactly: code) else { return nil }
            if code == KeyDecoder.keyResize {
                return .resize(rows: size.rows, cols: size.cols)
            }
            return KeyDecoder.key(functionKey: code)
        default:
            return nil
        }
    }
}
