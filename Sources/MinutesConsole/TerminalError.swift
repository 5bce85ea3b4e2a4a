/// Why the full-screen terminal could not be used.
///
/// Compared by code only. The message names the terminal type, so the user can fix `TERM`
/// or fall back to plain lines (`TERM=dumb`).
public struct TerminalError: Error, CustomStringConvertible, Equatable {
    private enum Code: Equatable {
        case cannotStart
    }

    private let code: Code
    public let message: String
    public let cause: (any Error)?

    private init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        guard let cause else { return message }
        return "\(message) (\(cause))"
    }

    public static func == (lhs: TerminalError, rhs: TerminalError) -> Bool { lhs.code == rhs.code }

    /// curses could not set up the terminal: `TERM` names a terminal it has no description
    /// of, or standard output is not one.
    public static func cannotStart(term: String?) -> TerminalError {
        let name = term.map { "'\($0)'" } ?? "(TERM is not set)"
        return TerminalError(
            .cannotStart,
            "cannot start the full-screen console on terminal \(name); set TERM to a known terminal or TERM=dumb"
        )
    }
}
