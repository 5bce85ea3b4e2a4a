import Foundation
import Glibc
import Logging

/// Where a ``ConsoleApp`` shows the meeting: a full-screen terminal, or plain lines.
@MainActor
public enum ConsoleAppDisplay {
    /// The full screen, drawn on `surface` (a ``CursesTerminal``; an in-memory one in tests).
    case fullScreen(any TerminalSurface)
    /// One line per final caption (``PlainLineFormatter``) passed to `output`; a `q` (or
    /// `quit`) line on `commands` quits. Other keys are ignored: without a screen there is no
    /// prompt to answer.
    case plainLines(output: @MainActor (String) -> Void, commands: AsyncStream<String>)

    /// The display for this process: ``CursesTerminal`` when standard input and output are a
    /// terminal that can address the cursor (``ConsoleMode/detect(environment:isTerminal:)``),
    /// otherwise plain lines on standard output with commands from standard input.
    ///
    /// - Parameters:
    ///   - environment: The process environment (`TERM`).
    ///   - theme: The resolved theme; a monochrome one (as `NO_COLOR` gives) turns colour off.
    ///   - logger: Passed to the terminal.
    public static func detect(environment: [String: String], theme: Theme, logger: Logger) -> ConsoleAppDisplay {
        let isTerminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        switch ConsoleMode.detect(environment: environment, isTerminal: isTerminal) {
        case .fullScreen:
            return .fullScreen(CursesTerminal(colors: !theme.isMonochrome, logger: logger))
        case .plainLines:
            return .plainLines(output: writeLine, commands: TerminalLineReader.standardInput())
        }
    }

    /// Writes `line` and a newline to standard output at once, unbuffered, so a pipe
    /// (`minutes live | tee notes.txt`) sees each caption as it is said.
    public static func writeLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
