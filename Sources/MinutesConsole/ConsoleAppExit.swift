/// Why ``ConsoleApp/run()`` returned; the executable maps it to an exit status.
public enum ConsoleAppExit: Hashable, Sendable {
    /// The user quit (and confirmed); the engine has performed ``ConsoleAction/quit``.
    case quit
    /// `SIGINT`, `SIGTERM` or `SIGHUP` arrived; treated as a confirmed quit, so the engine has
    /// performed ``ConsoleAction/quit`` too. Shells expect status 128 + `signal`.
    case interrupted(signal: Int32)
    /// Plain-line mode only: the engine's events finished (a replay ended).
    case engineFinished
    /// The task running the console was cancelled (a service group shutting down); the
    /// engine was not asked to quit.
    case cancelled
}
