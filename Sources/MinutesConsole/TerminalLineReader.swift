import Foundation

/// Lines typed on standard input, for plain-line mode, where there is no curses to read keys.
///
/// A dedicated thread blocks in `readLine`, which no async code may do; it only yields into
/// the stream, so it shares no state with the rest of the console. The thread ends at end of
/// input; otherwise it lives until the process exits, because a blocking read cannot be
/// interrupted portably, and it holds nothing that needs closing.
public enum TerminalLineReader {
    /// Starts the reader thread and returns its lines, without their newlines.
    public static func standardInput() -> AsyncStream<String> {
        let (lines, continuation) = AsyncStream.makeStream(of: String.self)
        let thread = Thread {
            while let line = readLine(strippingNewline: true) {
                continuation.yield(line)
            }
            continuation.finish()
        }
        thread.name = "minutes.stdin"
        thread.start()
        return lines
    }
}
