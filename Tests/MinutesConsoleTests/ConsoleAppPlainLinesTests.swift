import Logging
import MinutesConsole
import MinutesCore
import MinutesTestSupport
import Testing

@MainActor
struct ConsoleAppPlainLinesTests {
    private typealias Fixture = ConsoleFixture

    /// Collects printed lines and types commands once enough lines have appeared.
    @MainActor
    private final class Console {
        var lines: [String] = []
        let commands: AsyncStream<String>
        private let continuation: AsyncStream<String>.Continuation
        private var script: [(afterLines: Int, command: String)]

        init(script: [(afterLines: Int, command: String)]) {
            (commands, continuation) = AsyncStream.makeStream(of: String.self)
            self.script = script
            typeDue()
        }

        func print(_ line: String) {
            lines.append(line)
            typeDue()
        }

        private func typeDue() {
            while let next = script.first, lines.count >= next.afterLines {
                script.removeFirst()
                continuation.yield(next.command)
            }
        }
    }

    private static let meeting: [ConsoleEvent] = [
        .speakerAppeared(Fixture.speaker(Fixture.first, ordinal: 1, name: "Alice")),
        .speakerAppeared(Fixture.speaker(Fixture.third, ordinal: 3)),
        .caption(LiveCaption(utterance: 0, start: 1, end: 2, stableText: "Welcome", tentativeText: "", isFinal: false)),
        .segmentAppended(Fixture.segment(0, at: 1, Fixture.first, "Welcome, everyone.")),
        .segmentAppended(Fixture.segment(1, at: 4, Fixture.third, "Hi, 日本語 too.")),
    ]

    private func app(_ console: Console, _ engine: ScriptedConsoleEngine) -> ConsoleApp {
        ConsoleApp(
            state: Fixture.state(),
            theme: .standard,
            display: .plainLines(output: console.print, commands: console.commands),
            engine: engine,
            configuration: ConsoleAppConfiguration(tickInterval: .milliseconds(20), quitSignals: []),
            logger: Logger(label: "minutes.test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }

    @Test(.hangGuard) func printsFinalCaptionsAndQuitsOnQ() async throws {
        let engine = ScriptedConsoleEngine(ConsoleAppPlainLinesTests.meeting)
        let console = Console(script: [(afterLines: 2, command: " Q ")])

        let exit = try await app(console, engine).run()

        #expect(exit == .quit)
        #expect(
            console.lines == [
                "00:00:01 Alice: Welcome, everyone.",
                "00:00:04 Speaker 3: Hi, 日本語 too.",
                "-- Stopping… --",
            ]
        )
        #expect(await engine.performed == [.quit])
    }

    @Test(.hangGuard) func otherCommandsAreIgnored() async throws {
        let engine = ScriptedConsoleEngine(ConsoleAppPlainLinesTests.meeting)
        let console = Console(script: [(0, "b"), (0, "hello"), (0, "y"), (2, "quit")])

        let exit = try await app(console, engine).run()

        #expect(exit == .quit)
        #expect(await engine.performed == [.quit])
        #expect(console.lines.count == 3)
    }

    @Test(.hangGuard) func endsWhenTheEngineFinishes() async throws {
        let engine = ScriptedConsoleEngine(ConsoleAppPlainLinesTests.meeting, finishes: true)
        let console = Console(script: [])

        let exit = try await app(console, engine).run()

        #expect(exit == .engineFinished)
        #expect(console.lines == ["00:00:01 Alice: Welcome, everyone.", "00:00:04 Speaker 3: Hi, 日本語 too."])
        #expect(await engine.performed == [])
    }
}
