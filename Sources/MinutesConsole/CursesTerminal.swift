import CNcurses
import Foundation
import Glibc
import Logging
import MinutesCore

/// The full-screen console on a real terminal, through ncurses' wide-character API.
///
/// It only copies cells: ``ScreenRenderer`` decides what the screen shows, and this class
/// sends the rows that changed since the previous frame, so a caption arriving rewrites one
/// or two rows instead of the whole screen. It lives on the main actor because ncurses keeps
/// global state (the screens, the input queue, the resize flag) without locks; every curses
/// call, including reading keys, happens here.
///
/// ``start()`` and ``stop()`` bracket its use; ``ConsoleApp`` calls ``stop()`` on every way
/// out (quit, error, signal, cancellation), so the shell is never left without echo.
@MainActor
public final class CursesTerminal: TerminalSurface {
    private let wantsColors: Bool
    private let logger: Logger
    /// The ncurses `SCREEN` while started.
    private var screen: OpaquePointer?
    private var palette: CursesPalette
    /// `nil` until the first frame sets it, so the first frame always says.
    private var isCursorVisible: Bool?
    /// Set by ``start()``: the first frame clears the terminal and paints every row.
    private var needsFullRepaint: Bool
    private var hasLoggedExhaustedPalette: Bool

    /// A terminal that draws in colour when `colors` is true and the terminal has colours.
    ///
    /// - Parameters:
    ///   - colors: False for `NO_COLOR` or a monochrome theme: only bold, dim and reverse.
    ///   - logger: Where start-up details and colour-pair exhaustion are logged (a file, never
    ///     the screen).
    public init(colors: Bool = true, logger: Logger) {
        self.wantsColors = colors
        self.logger = logger
        self.screen = nil
        self.palette = .monochrome
        self.isCursorVisible = nil
        self.needsFullRepaint = true
        self.hasLoggedExhaustedPalette = false
    }

    /// True between ``start()`` and ``stop()``.
    public var isActive: Bool { screen != nil }

    public var size: TerminalSize {
        TerminalSize(rows: Int(minutes_curses_lines()), cols: Int(minutes_curses_cols()))
    }

    public func start() throws {
        guard screen == nil else { return }
        // Without the user's character encoding ncurses treats every byte as a character, and
        // CJK or emoji come out as escape sequences. Only LC_CTYPE: LC_ALL would also switch
        // LC_NUMERIC, and C libraries in the process (model loaders) would then parse "0.5"
        // as 0 under a locale whose decimal separator is a comma.
        setlocale(LC_CTYPE, "")
        guard let screen = minutes_curses_newterm() else {
            throw MinutesError.terminalCannotStart(term: ProcessInfo.processInfo.environment["TERM"])
        }
        self.screen = screen
        let window = minutes_curses_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        // Reads never block: the app polls between other work (see ``TerminalInput``).
        nodelay(window, true)
        intrflush(window, false)
        // Esc alone would otherwise wait a full second for the rest of an escape sequence.
        if ProcessInfo.processInfo.environment["ESCDELAY"] == nil { set_escdelay(25) }
        palette = .monochrome
        if wantsColors, has_colors(), start_color() == OK {
            let hasDefaultColors = use_default_colors() == OK
            palette = CursesPalette(
                colorCount: Int(minutes_curses_colors()),
                pairLimit: Int(minutes_curses_color_pairs()),
                hasDefaultColors: hasDefaultColors
            )
        }
        isCursorVisible = nil
        needsFullRepaint = true
        hasLoggedExhaustedPalette = false
        setCursorVisible(false)
        logger.debug(
            "terminal started",
            metadata: [
                "terminal.size": "\(size)",
                "terminal.colors": "\(palette.colorCount)",
                "terminal.pairs": "\(palette.pairLimit)",
                "terminal.default_colors": "\(palette.hasDefaultColors)",
            ]
        )
    }

    public func stop() {
        guard let screen else { return }
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        logger.debug("terminal stopped")
    }

    public func draw(_ grid: CellGrid, previous: CellGrid?) {
        guard isActive else { return }
        let window = minutes_curses_stdscr()
        let rows: [Int]
        if needsFullRepaint || previous?.size != grid.size {
            // After a resize or at start, what is on the terminal is unknown: clear it on the
            // next refresh and paint every row.
            werase(window)
            clearok(window, true)
            needsFullRepaint = false
            rows = Array(0..<grid.rows)
        } else {
            rows = grid.changedRows(since: previous)
        }
        for row in rows {
            for col in 0..<grid.cols {
                let cell = grid[row, col]
                guard !cell.isContinuation else { continue }
                put(cell, row: row, col: col)
            }
        }
        if palette.isExhausted, !hasLoggedExhaustedPalette {
            hasLoggedExhaustedPalette = true
            logger.debug("terminal colour pairs exhausted", metadata: ["terminal.pairs": "\(palette.pairLimit)"])
        }
        if let cursor = grid.cursor, (0..<grid.rows).contains(cursor.row), (0..<grid.cols).contains(cursor.col) {
            setCursorVisible(true)
            wmove(window, Int32(cursor.row), Int32(cursor.col))
        } else {
            setCursorVisible(false)
        }
        wrefresh(window)
    }

    public func readKey() -> KeyPress? {
        guard isActive else { return nil }
        var code: wint_t = 0
        while true {
            let status = minutes_curses_read_key(&code)
            if status == ERR { return nil }
            if let key = CursesTerminal.key(status: status, code: UInt32(code), size: size) { return key }
            // A key the console ignores (F1, a control character): read on.
        }
    }

    /// Writes one cell with its style.
    ///
    /// If ncurses measures a character one column narrower than ``DisplayWidth`` does, the
    /// continuation cell is blanked, so it never keeps a stale character from a previous frame.
    private func put(_ cell: Cell, row: Int, col: Int) {
        let allocation = palette.allocation(for: cell.style)
        if allocation.isNew {
            _ = minutes_curses_init_pair(
                Int32(allocation.number),
                Int32(allocation.foreground),
                Int32(allocation.background)
            )
        }
        let attributes = minutes_curses_attributes(cell.style.bold, cell.style.dim, cell.style.reverse)
        let pair = Int32(allocation.number)
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 8) { buffer in
            var count = 0
            for scalar in cell.character.unicodeScalars where count < buffer.count {
                buffer[count] = wchar_t(scalar.value)
                count += 1
            }
            if count == 0 || CursesTerminal.isControl(buffer[0]) {
                buffer[0] = wchar_t(UInt8(ascii: " "))
                count = 1
            }
            _ = minutes_curses_put_cell(Int32(row), Int32(col), buffer.baseAddress, Int32(count), attributes, pair)
        }
        if cell.width == 2, minutes_curses_cursor_col() == Int32(col + 1) {
            var space: [wchar_t] = [wchar_t(UInt8(ascii: " "))]
            _ = minutes_curses_put_cell(Int32(row), Int32(col + 1), &space, 1, attributes, pair)
        }
    }

    /// C0 and C1 controls, which curses would draw as `^X` in two cells.
    private static func isControl(_ character: wchar_t) -> Bool {
        character < 0x20 || (0x7F..<0xA0).contains(character)
    }

    private func setCursorVisible(_ visible: Bool) {
        guard isCursorVisible != visible else { return }
        isCursorVisible = visible
        curs_set(visible ? 1 : 0)
    }
}
