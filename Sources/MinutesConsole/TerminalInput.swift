/// Turns the keys a ``TerminalSurface`` reads into an `AsyncStream<KeyPress>`, by polling on
/// the main actor.
///
/// The style guide sketches a reader thread blocked in `getch`. With ncurses that is unsafe:
/// the library is not thread-safe (Debian's `libncursesw` is not the `ncursest` build), and
/// `wget_wch` is not a pure read. It refreshes the window when it has changed, and on
/// `SIGWINCH` it resizes `stdscr` and `curscr` itself before returning `KEY_RESIZE`, which
/// would race with the main actor drawing into the same structures. So the screen is in
/// no-delay mode and this loop, on the same actor as every other curses call, drains the
/// waiting keys and then sleeps briefly (20 ms by default). That costs a few syscalls per
/// poll, about 50 polls a second, and adds at most one interval of latency, well under what
/// a person notices. Resizes come through the same stream, as ``KeyPress/resize(rows:cols:)``.
@MainActor
public final class TerminalInput {
    /// Keys in the order they were typed; finishes when ``run(clock:)`` returns.
    public let keys: AsyncStream<KeyPress>
    private let continuation: AsyncStream<KeyPress>.Continuation
    private let surface: any TerminalSurface
    private let pollInterval: Duration
    /// Keys taken per poll at most, so a large paste cannot hold the main actor for long.
    private let maximumKeysPerPoll: Int

    /// Input from `surface`, polled every `pollInterval` while idle.
    public init(
        surface: any TerminalSurface,
        pollInterval: Duration = .milliseconds(20),
        maximumKeysPerPoll: Int = 256
    ) {
        (keys, continuation) = AsyncStream.makeStream(of: KeyPress.self)
        self.surface = surface
        self.pollInterval = pollInterval
        self.maximumKeysPerPoll = max(1, maximumKeysPerPoll)
    }

    /// Polls until the task is cancelled, yielding each key to ``keys``.
    ///
    /// - Parameter clock: The clock to sleep on between polls.
    public func run(clock: some Clock<Duration> = ContinuousClock()) async {
        defer { continuation.finish() }
        while !Task.isCancelled {
            var taken = 0
            while taken < maximumKeysPerPoll, let key = surface.readKey() {
                continuation.yield(key)
                taken += 1
            }
            guard taken < maximumKeysPerPoll else {
                // More keys are waiting: let other main-actor work run, then read on.
                await Task.yield()
                continue
            }
            do {
                try await clock.sleep(for: pollInterval)
            } catch {
                return
            }
        }
    }
}
