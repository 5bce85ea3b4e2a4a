/// Timing and signal handling for ``ConsoleApp``; the defaults suit a person at a terminal,
/// and tests shorten the intervals.
public struct ConsoleAppConfiguration: Sendable {
    /// How often ``ConsoleEvent/tick(elapsed:)`` is sent (default 250 ms).
    ///
    /// The spinner, the clock and status-message expiry advance at this rate.
    public var tickInterval: Duration
    /// How often an idle full-screen console checks for keys (default 20 ms; see
    /// ``TerminalInput``).
    public var keyPollInterval: Duration
    /// Signals that end the console like a confirmed quit (default `SIGINT`, `SIGTERM`, `SIGHUP`).
    ///
    /// They are caught only while ``ConsoleApp/run()`` runs (see ``TerminalSignals``). Empty
    /// when the caller handles signals itself.
    public var quitSignals: [Int32]
    /// The clock ticks and key polls sleep on.
    public var clock: any Clock<Duration>

    public init(
        tickInterval: Duration = .milliseconds(250),
        keyPollInterval: Duration = .milliseconds(20),
        quitSignals: [Int32] = TerminalSignals.quitSignals,
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.tickInterval = tickInterval
        self.keyPollInterval = keyPollInterval
        self.quitSignals = quitSignals
        self.clock = clock
    }
}
