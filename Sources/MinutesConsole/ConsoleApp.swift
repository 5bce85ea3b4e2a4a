import Logging

/// The live console: runs the UI loop that joins the keyboard, the engine and the clock to the
/// pure ``ConsoleStateMachine`` and ``ScreenRenderer``.
///
/// Everything the user sees is decided by the state machine; this class only moves values.
/// Keys (polled from the terminal by ``TerminalInput``), engine events, a 250 ms tick and
/// caught signals are merged into one stream and handled in arrival order on the main actor,
/// the only place curses is called. After each one the screen is drawn if the state changed,
/// and the actions the state machine returned go to the engine, in order, on their own task,
/// so an engine that takes its time never freezes the screen.
///
/// ``run()`` owns the terminal from start to end and gives it back on every way out: a
/// confirmed quit, a caught `SIGINT`/`SIGTERM`/`SIGHUP`, an error, or cancellation of the
/// task running it.
@MainActor
public final class ConsoleApp {
    /// What the loop reacts to, in arrival order.
    private enum Input: Sendable {
        case event(ConsoleEvent)
        /// Time since ``run()`` started, on the configured clock.
        case tick(Duration)
        /// A line typed in plain-line mode.
        case command(String)
        case engineFinished
        case signal(Int32)
        /// The engine has performed every action, the last one `.quit`.
        case actionsPerformed
    }

    private var machine: ConsoleStateMachine
    private let theme: Theme
    private let display: ConsoleAppDisplay
    private let engine: any ConsoleEngine
    private let configuration: ConsoleAppConfiguration
    private let logger: Logger
    private let renderer: ScreenRenderer
    /// The last grid drawn and the state it was drawn from (full-screen mode).
    private var shownGrid: CellGrid?
    private var shownState: ConsoleState?
    private var formatter: PlainLineFormatter
    /// Time spent recording (not paused, device present): what the header's clock shows.
    private var recorded: Duration
    private var lastTick: Duration

    /// A console showing `state` in `theme` on `display`, driven by `engine`.
    ///
    /// - Parameters:
    ///   - state: The starting state: title, recordings path, models, enrolled names. Its
    ///     size is replaced by the terminal's.
    ///   - theme: Colours and attributes for the full screen.
    ///   - display: The terminal, or plain lines (``ConsoleAppDisplay/detect(environment:theme:logger:)``).
    ///   - engine: The meeting: where events come from and actions go.
    ///   - configuration: Tick and poll intervals, caught signals, the clock.
    ///   - logger: For the console's own diagnostics; the caller points it at a file, since
    ///     the screen belongs to the console.
    public init(
        state: ConsoleState,
        theme: Theme,
        display: ConsoleAppDisplay,
        engine: any ConsoleEngine,
        configuration: ConsoleAppConfiguration = ConsoleAppConfiguration(),
        logger: Logger
    ) {
        self.machine = ConsoleStateMachine(state: state)
        self.theme = theme
        self.display = display
        self.engine = engine
        self.configuration = configuration
        self.logger = logger
        self.renderer = ScreenRenderer()
        self.shownGrid = nil
        self.shownState = nil
        self.formatter = PlainLineFormatter()
        self.recorded = .zero
        self.lastTick = .zero
    }

    /// What the console shows now.
    public var state: ConsoleState { machine.state }

    /// Runs the console until it is told to end; call it once.
    ///
    /// It ends when the user quits, a quit signal arrives, plain-line mode's engine finishes,
    /// or the task is cancelled.
    ///
    /// On quit (and on a signal) the engine performs ``ConsoleAction/quit`` before this
    /// returns, while the screen says "Stopping…"; the terminal is restored in every case.
    ///
    /// - Returns: Why it ended.
    /// - Throws: ``MinutesError`` `.terminal` when the full-screen terminal cannot start; nothing has
    ///   been read from the engine then, so the caller can retry with plain lines.
    public func run() async throws -> ConsoleAppExit {
        let (inbox, inboxContinuation) = AsyncStream.makeStream(of: Input.self)
        var signals: TerminalSignals?
        if !configuration.quitSignals.isEmpty {
            signals = await TerminalSignals(catching: configuration.quitSignals) { signal in
                inboxContinuation.yield(.signal(signal))
            }
        }
        defer { signals?.restore() }
        if case .fullScreen(let surface) = display {
            try surface.start()
            let size = surface.size
            _ = machine.handle(.key(.resize(rows: size.rows, cols: size.cols)))
        }
        defer {
            if case .fullScreen(let surface) = display { surface.stop() }
        }
        logger.debug("console started", metadata: ["console.mode": "\(mode)"])
        present()

        let (actions, actionsContinuation) = AsyncStream.makeStream(of: ConsoleAction.self)
        let exit = await withTaskGroup(of: Void.self, returning: ConsoleAppExit.self) { group in
            group.addTask { [engine] in
                for await action in actions { await engine.perform(action) }
                inboxContinuation.yield(.actionsPerformed)
            }
            addSources(to: &group, inbox: inboxContinuation)
            var inputs = inbox.makeAsyncIterator()
            let exit = await loop(&inputs, actions: actionsContinuation)
            // Every action, `.quit` last, is performed before the terminal is given back; the
            // engine's events keep being shown meanwhile.
            actionsContinuation.finish()
            await finishActions(&inputs)
            group.cancelAll()
            return exit
        }
        logger.debug("console ended", metadata: ["console.exit": "\(exit)"])
        return exit
    }

    /// Starts the tasks that feed the inbox: engine events, ticks, and keys or command lines.
    private func addSources(to sources: inout TaskGroup<Void>, inbox: AsyncStream<Input>.Continuation) {
        let engine = engine
        let configuration = configuration
        sources.addTask {
            for await event in engine.events { inbox.yield(.event(event)) }
            inbox.yield(.engineFinished)
        }
        sources.addTask {
            await ConsoleApp.tick(every: configuration.tickInterval, clock: configuration.clock, into: inbox)
        }
        switch display {
        case .fullScreen(let surface):
            let input = TerminalInput(surface: surface, pollInterval: configuration.keyPollInterval)
            sources.addTask { await input.run(clock: configuration.clock) }
            sources.addTask {
                for await key in input.keys { inbox.yield(.event(.key(key))) }
            }
        case .plainLines(_, let commands):
            sources.addTask {
                for await line in commands { inbox.yield(.command(line)) }
            }
        }
    }

    /// Handles inputs until one ends the console.
    private func loop(
        _ inputs: inout AsyncStream<Input>.Iterator,
        actions: AsyncStream<ConsoleAction>.Continuation
    ) async -> ConsoleAppExit {
        while let input = await inputs.next(isolation: #isolation) {
            var exit = ConsoleAppExit.quit
            let requested: [ConsoleAction]
            switch input {
            case .event(let event):
                requested = machine.handle(event)
            case .tick(let sinceStart):
                if machine.state.capture == .recording { recorded += sinceStart - lastTick }
                lastTick = sinceStart
                requested = machine.handle(.tick(elapsed: ConsoleApp.seconds(recorded)))
            case .command(let line):
                requested = ConsoleApp.isQuitCommand(line) ? [.quit] : []
            case .engineFinished:
                logger.debug("console engine finished")
                if case .plainLines = display {
                    present()
                    return .engineFinished
                }
                requested = []
            case .signal(let signal):
                logger.info("console caught a quit signal", metadata: ["signal": "\(signal)"])
                exit = .interrupted(signal: signal)
                requested = [.quit]
            case .actionsPerformed:
                requested = []
            }
            present()
            for action in requested { actions.yield(action) }
            if requested.contains(.quit) {
                _ = machine.handle(.notice("Stopping…", isError: false))
                present()
                return exit
            }
        }
        return .cancelled
    }

    /// Waits until the engine has performed the remaining actions, showing its events (a
    /// "saved" notice, say) but taking no more keys.
    ///
    /// A second quit signal stops the wait: whoever sends it wants out now, and the engine's
    /// task is then cancelled.
    private func finishActions(_ inputs: inout AsyncStream<Input>.Iterator) async {
        while let input = await inputs.next(isolation: #isolation) {
            switch input {
            case .actionsPerformed:
                return
            case .signal(let signal):
                logger.info("console stopped waiting for the engine", metadata: ["signal": "\(signal)"])
                return
            case .event(let event):
                if case .key = event { continue }
                _ = machine.handle(event)
                present()
            case .tick, .command, .engineFinished:
                continue
            }
        }
    }

    /// Shows the state: the grid if it changed (full screen), or the lines not printed yet.
    private func present() {
        switch display {
        case .fullScreen(let surface):
            let state = machine.state
            guard state != shownState else { return }
            shownState = state
            let grid = renderer.render(state, theme: theme, size: state.size)
            // Most ticks change nothing visible between spinner frames.
            guard grid != shownGrid else { return }
            surface.draw(grid, previous: shownGrid)
            shownGrid = grid
        case .plainLines(let output, _):
            for line in formatter.newLines(in: machine.state) { output(line) }
        }
    }

    private var mode: ConsoleMode {
        switch display {
        case .fullScreen: .fullScreen
        case .plainLines: .plainLines
        }
    }

    /// `q` or `quit`, in any case and spacing, as a line in plain-line mode.
    static func isQuitCommand(_ line: String) -> Bool {
        let command = line.lowercased().filter { !$0.isWhitespace }
        return command == "q" || command == "quit"
    }

    /// Sends a tick every `interval` until cancelled, each carrying the time since the first.
    ///
    /// Deadlines advance by whole intervals, so the ticks do not drift; after a stall (a
    /// suspended laptop) the missed ones are skipped rather than sent in a burst.
    private nonisolated static func tick(
        every interval: Duration,
        clock: some Clock<Duration>,
        into inbox: AsyncStream<Input>.Continuation
    ) async {
        let start = clock.now
        var deadline = start
        while true {
            deadline = deadline.advanced(by: interval)
            let now = clock.now
            if deadline < now { deadline = now.advanced(by: interval) }
            do {
                try await clock.sleep(until: deadline, tolerance: nil)
            } catch {
                return
            }
            inbox.yield(.tick(start.duration(to: clock.now)))
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
