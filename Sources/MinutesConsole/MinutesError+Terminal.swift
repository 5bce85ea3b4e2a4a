import MinutesCore

extension MinutesError {
    /// curses could not set up the terminal.
    ///
    /// `TERM` names a terminal curses has no description of, or standard output is not one.
    /// The message names the terminal type, so the user can fix `TERM` or fall back to plain
    /// lines (`TERM=dumb`).
    public static func terminalCannotStart(term: String?) -> MinutesError {
        let name = term.map { "'\($0)'" } ?? "(TERM is not set)"
        return MinutesError(
            .terminal,
            "cannot start the full-screen console on terminal \(name); set TERM to a known terminal or TERM=dumb"
        )
    }
}
