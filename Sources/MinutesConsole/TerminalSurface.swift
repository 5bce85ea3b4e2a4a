/// A screen the console draws cell grids on and reads keys from.
///
/// ``CursesTerminal`` is the real one; tests use an in-memory surface that records what was
/// drawn and replays scripted keys, so ``ConsoleApp``'s loop runs without a terminal.
/// Everything is on the main actor because curses is not thread-safe: one actor makes every
/// call, so none can interleave with another.
@MainActor
public protocol TerminalSurface: AnyObject {
    /// The current size in cells.
    var size: TerminalSize { get }

    /// Takes over the terminal (full screen, no echo, keys unbuffered).
    ///
    /// - Throws: ``MinutesError`` `.terminal` when the terminal cannot be used.
    func start() throws

    /// Gives the terminal back as it was; safe to call more than once, or without ``start()``.
    func stop()

    /// Shows `grid`, given the grid shown before it (`nil` for the first frame), so only
    /// rows that changed need to be sent to the terminal.
    func draw(_ grid: CellGrid, previous: CellGrid?)

    /// The next key typed, or `nil` at once when none is waiting: it never blocks.
    func readKey() -> KeyPress?
}
