import Glibc
import Logging
import MinutesConsole
import MinutesCore
import MinutesTestSupport
import Testing

@MainActor
struct ConsoleAppTests {
    private typealias Fixture = ConsoleFixture

    /// Short intervals, and no signal handlers in the test process.
    private static let fast = ConsoleAppConfiguration(
        tickInterval: .milliseconds(20),
        keyPollInterval: .milliseconds(2),
        quitSignals: []
    )

    private static let logger = Logger(label: "minutes.test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Alice and Bob are known; an unnamed third voice has just spoken.
    private static let newVoice: [ConsoleEvent] = [
        .speakerAppeared(Fixture.speaker(Fixture.first, ordinal: 1, name: "Alice")),
        .speakerAppeared(Fixture.speaker(Fixture.second, ordinal: 2, name: "Bob")),
        .segmentAppended(Fixture.segment(0, at: 1, Fixture.first, "Welcome, everyone.")),
        .speakerAppeared(Fixture.speaker(Fixture.third, ordinal: 3)),
        .segmentAppended(Fixture.segment(1, at: 4, Fixture.third, "Hi, sorry I'm late.")),
    ]

    private func app(
        _ terminal: InMemoryTerminal,
        _ engine: ScriptedConsoleEngine,
        configuration: ConsoleAppConfiguration = fast
    ) -> ConsoleApp {
        ConsoleApp(
            state: Fixture.state(),
            theme: .standard,
            display: .fullScreen(terminal),
            engine: engine,
            configuration: configuration,
            logger: ConsoleAppTests.logger
        )
    }

    @Test(.hangGuard) func namingANewVoiceEnrollsItAndQuittingEndsTheLoop() async throws {
        // Given a meeting where a new voice speaks, and a person who answers the prompts.
        let engine = ScriptedConsoleEngine(ConsoleAppTests.newVoice)
        let terminal = InMemoryTerminal(
            size: TerminalSize(rows: 24, cols: 80),
            script: [
                Step(
                    when: { $0.text.contains("Who is this? Speaker 3") && $0.text.contains("Hi, sorry I'm late.") },
                    keys: InMemoryTerminal.keys("Carol") + [.enter]
                ),
                .onScreen("Remember the voice of Carol", type: [.character("y")]),
                .onScreen("Named Carol", type: [.character("q")]),
                .onScreen("Stop recording and quit?", type: [.character("y")]),
            ]
        )

        // When the console runs.
        let exit = try await app(terminal, engine).run()

        // Then the prompt was shown, the name reached the engine, and quitting ended it.
        #expect(exit == .quit)
        #expect(await engine.performed == [.labelSpeaker(Fixture.third, name: "Carol", enroll: true), .quit])
        let prompt = try #require(terminal.frames.last { $0.grid.text.contains("Who is this? Speaker 3") })
        #expect(prompt.grid.text.contains("│ 00:00:04  Hi, sorry I'm late."))
        #expect(prompt.grid.cursor != nil)
        #expect(terminal.frames.contains { $0.grid.text.contains("00:00:04  Carol") })
        #expect(terminal.screen?.text.contains("Stopping…") == true)
        #expect(terminal.startCount == 1)
        #expect(terminal.stopCount == 1)
    }

    @Test(.hangGuard) func eachFrameIsDrawnAgainstThePreviousOneAtTheTerminalSize() async throws {
        let engine = ScriptedConsoleEngine(ConsoleAppTests.newVoice)
        let terminal = InMemoryTerminal(
            size: TerminalSize(rows: 30, cols: 100),
            script: [.onScreen("Who is this?", type: [.escape, .character("q"), .character("y")])]
        )

        _ = try await app(terminal, engine).run()

        let frames = terminal.frames
        #expect(frames.count >= 2)
        #expect(frames[0].previous == nil)
        for index in frames.indices.dropFirst() {
            #expect(frames[index].previous == frames[index - 1].grid)
            #expect(frames[index].grid != frames[index - 1].grid)
        }
        #expect(frames.allSatisfy { $0.grid.size == TerminalSize(rows: 30, cols: 100) })
    }

    @Test(.hangGuard) func aResizeRedrawsAtTheNewSize() async throws {
        let engine = ScriptedConsoleEngine(ConsoleAppTests.newVoice)
        let terminal = InMemoryTerminal(
            script: [
                .onScreen("Who is this?", type: [.escape, .resize(rows: 20, cols: 70)]),
                Step(when: { $0.size == TerminalSize(rows: 20, cols: 70) }, keys: [.character("q"), .character("y")]),
            ]
        )

        _ = try await app(terminal, engine).run()

        let resized = try #require(terminal.frames.first { $0.grid.size == TerminalSize(rows: 20, cols: 70) })
        #expect(resized.previous?.size == .standard)
        #expect(resized.grid.text.contains("Welcome, everyone."))
    }

    @Test(.hangGuard) func ticksAdvanceTheClockOnlyWhileRecording() async throws {
        let engine = ScriptedConsoleEngine()
        let terminal = InMemoryTerminal()
        let app = app(terminal, engine)
        try await withThrowingTaskGroup(of: ConsoleAppExit.self) { group in
            group.addTask { try await app.run() }
            // Pause once half a second of recording has been counted (a loaded machine may
            // skip any given reading, so the test waits for a bound, not a screen).
            while app.state.elapsed < 0.5 { try await Task.sleep(for: .milliseconds(10)) }
            terminal.type([.character(" ")])
            while app.state.capture != .paused { try await Task.sleep(for: .milliseconds(10)) }
            let pausedAt = app.state.elapsed
            let frame = app.state.animationFrame
            while app.state.animationFrame < frame + 10 { try await Task.sleep(for: .milliseconds(10)) }
            group.cancelAll()
            #expect(try await group.next() == .cancelled)

            // Ten ticks after the pause the clock still reads what it read then.
            #expect(pausedAt >= 0.5)
            #expect(app.state.elapsed == pausedAt)
        }
        #expect(await engine.performed == [.pauseCapture])
    }

    @Test(.hangGuard) func cancellationRestoresTheTerminalWithoutQuittingTheEngine() async throws {
        let engine = ScriptedConsoleEngine(ConsoleAppTests.newVoice)
        let terminal = InMemoryTerminal()
        let app = app(terminal, engine)
        try await withThrowingTaskGroup(of: ConsoleAppExit.self) { group in
            group.addTask { try await app.run() }
            while terminal.screen?.text.contains("Who is this?") != true { try await Task.sleep(for: .milliseconds(5)) }
            #expect(terminal.isStarted)
            group.cancelAll()
            #expect(try await group.next() == .cancelled)
        }
        #expect(!terminal.isStarted)
        #expect(terminal.stopCount == 1)
        #expect(await engine.performed == [])
    }

    @Test(.hangGuard) func aTerminalThatCannotStartThrowsBeforeReadingTheEngine() async throws {
        let engine = ScriptedConsoleEngine([.inputLevel(0.5)])
        let terminal = InMemoryTerminal()
        terminal.failsToStart = true
        await #expect(throws: MinutesError.terminalCannotStart(term: nil)) { try await app(terminal, engine).run() }
        #expect(terminal.frames.isEmpty)
        #expect(terminal.stopCount == 0)
        // The events are still there for a plain-line console to show.
        engine.continuation.finish()
        var remaining: [ConsoleEvent] = []
        for await event in engine.events { remaining.append(event) }
        #expect(remaining == [.inputLevel(0.5)])
    }

    @Test(.hangGuard) func aQuitSignalStopsTheEngineAndRestoresTheTerminal() async throws {
        let engine = ScriptedConsoleEngine(ConsoleAppTests.newVoice)
        let terminal = InMemoryTerminal()
        var configuration = ConsoleAppTests.fast
        configuration.quitSignals = [SIGUSR2]
        let app = app(terminal, engine, configuration: configuration)
        try await withThrowingTaskGroup(of: ConsoleAppExit.self) { group in
            group.addTask { try await app.run() }
            while terminal.screen == nil { try await Task.sleep(for: .milliseconds(5)) }
            kill(getpid(), SIGUSR2)
            #expect(try await group.next() == .interrupted(signal: SIGUSR2))
        }
        #expect(await engine.performed == [.quit])
        #expect(!terminal.isStarted)
    }

    private typealias Step = InMemoryTerminal.Step
}
