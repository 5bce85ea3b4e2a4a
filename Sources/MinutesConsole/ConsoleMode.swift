/// How the console draws: the full screen, or plain lines for terminals that cannot.
public enum ConsoleMode: Hashable, Sendable {
    /// The curses screen: header, timeline, prompts.
    case fullScreen
    /// One line per final caption (``PlainLineFormatter``), for `TERM` unset or `dumb`, or
    /// output that is not a terminal.
    case plainLines

    /// The mode for this process.
    ///
    /// - Parameters:
    ///   - environment: The process environment (`TERM`).
    ///   - isTerminal: Whether standard input and output are terminals (`isatty`).
    public static func detect(environment: [String: String], isTerminal: Bool) -> ConsoleMode {
        guard isTerminal, let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return .plainLines }
        return .fullScreen
    }
}
