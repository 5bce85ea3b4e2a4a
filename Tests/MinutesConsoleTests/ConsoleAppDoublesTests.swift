import MinutesConsole
import MinutesCore
import MinutesTestSupport
import Testing

/// A terminal that records every frame and types scripted keys once the screen shows what
/// they answer, so a test reads like a person at the keyboard: "when it asks who this is,
/// type Carol".
@MainActor
final class InMemoryTerminal: TerminalSurface {
    /// Keys to type once the last frame satisfies `when`.
    struct Step {
        var when: (CellGrid) -> Bool
        var keys: [KeyPress]

        /// Types `keys` once the screen contains `text`.
        static func onScreen(_ text: String, type keys: [KeyPress]) -> Step {
            Step(when: { $0.text.contains(text) }, keys: keys)
        }
    }

    var size: TerminalSize
    var failsToStart: Bool
    private(set) var frames: [(grid: CellGrid, previous: CellGrid?)]
    private(set) var startCount: Int
    private(set) var stopCount: Int
    private var steps: [Step]
    private var typing: [KeyPress]

    init(size: TerminalSize = .standard, script: [Step] = [], typing: [KeyPress] = []) {
        self.size = size
        self.failsToStart = false
        self.frames = []
        self.startCount = 0
        self.stopCount = 0
        self.steps = script
        self.typing = typing
    }

    /// The frame on screen now.
    var screen: CellGrid? { frames.last?.grid }

    /// True while between `start()` and `stop()`.
    var isStarted: Bool { startCount > stopCount }

    func start() throws {
        if failsToStart { throw MinutesError.terminalCannotStart(term: "in-memory") }
        startCount += 1
    }

    func stop() {
        guard isStarted else { return }
        stopCount += 1
    }

    func draw(_ grid: CellGrid, previous: CellGrid?) {
        frames.append((grid, previous))
    }

    func readKey() -> KeyPress? {
        if typing.isEmpty, let step = steps.first, let screen, step.when(screen) {
            steps.removeFirst()
            typing = step.keys
        }
        return typing.isEmpty ? nil : typing.removeFirst()
    }

    /// Types `keys` now, whatever the screen shows.
    func type(_ keys: [KeyPress]) {
        typing += keys
    }

    /// Keys for typing `text`.
    static func keys(_ text: String) -> [KeyPress] { text.map { .character($0) } }
}

/// An engine that replays scripted events and records the actions it is asked to perform.
actor ScriptedConsoleEngine: ConsoleEngine {
    nonisolated let events: AsyncStream<ConsoleEvent>
    nonisolated let continuation: AsyncStream<ConsoleEvent>.Continuation
    private(set) var performed: [ConsoleAction]

    /// An engine whose stream holds `events`, and then ends if `finishes`.
    init(_ events: [ConsoleEvent] = [], finishes: Bool = false) {
        (self.events, self.continuation) = AsyncStream.makeStream(of: ConsoleEvent.self)
        self.performed = []
        for event in events { continuation.yield(event) }
        if finishes { continuation.finish() }
    }

    func perform(_ action: ConsoleAction) {
        performed.append(action)
    }
}

struct ConsoleAppDoublesTests {
    @Test @MainActor func inMemoryTerminalTypesAStepOnlyOnceTheScreenShowsIt() {
        let terminal = InMemoryTerminal(script: [.onScreen("Ready", type: [.character("y"), .enter])])
        #expect(terminal.readKey() == nil)
        var grid = CellGrid(size: TerminalSize(rows: 1, cols: 10))
        terminal.draw(grid, previous: nil)
        #expect(terminal.readKey() == nil)
        grid.write("Ready", row: 0, col: 0, style: .plain)
        terminal.draw(grid, previous: nil)
        #expect(terminal.readKey() == .character("y"))
        #expect(terminal.readKey() == .enter)
        #expect(terminal.readKey() == nil)
    }

    @Test(.hangGuard) func scriptedEngineRecordsActionsInOrder() async {
        let engine = ScriptedConsoleEngine([.inputLevel(0.5)], finishes: true)
        await engine.perform(.bookmark(at: 1))
        await engine.perform(.quit)
        #expect(await engine.performed == [.bookmark(at: 1), .quit])
        var events: [ConsoleEvent] = []
        for await event in engine.events { events.append(event) }
        #expect(events == [.inputLevel(0.5)])
    }
}
