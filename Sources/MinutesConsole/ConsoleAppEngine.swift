/// What drives a ``ConsoleApp``: a live meeting (or a replay) that reports what happens and
/// performs what the user asks.
///
/// The console does no IO of its own; the engine does it all. ``perform(_:)`` is called on
/// one task, in order, so it should start long work (a summary, an export) and return,
/// answering later through ``events`` (``ConsoleEvent/summaryReady(_:)``,
/// ``ConsoleEvent/exportFinished(_:path:)``). ``ConsoleAction/quit`` is the exception: the
/// app waits for it, so the engine stops capturing and stores the session before the
/// terminal is given back.
public protocol ConsoleEngine: Sendable {
    /// Captions, segments, speakers, levels and outcomes, as they happen.
    ///
    /// The app consumes it once. When it finishes, the full-screen console stays open (the
    /// meeting can still be read, exported and summarised) and plain-line mode ends.
    var events: AsyncStream<ConsoleEvent> { get }

    /// Performs one action the user asked for.
    func perform(_ action: ConsoleAction) async
}
