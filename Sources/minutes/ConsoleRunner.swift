import Logging
import MinutesConsole
import MinutesCore

/// Runs the console's screen and the live meeting side by side until the person quits.
@MainActor
enum ConsoleRunner {
    static func run(
        meeting: LiveMeeting<ContinuousClock>,
        state: ConsoleState,
        theme: Theme,
        environment: [String: String],
        logger: Logger
    ) async throws {
        let display = ConsoleAppDisplay.detect(environment: environment, theme: theme, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await meeting.run() }
            // The app performs `quit` on the meeting before it returns, which ends `run()`.
            do {
                _ = try await ConsoleApp(state: state, theme: theme, display: display, engine: meeting, logger: logger)
                    .run()
            } catch let error as MinutesError where error.code == .terminal {
                // The terminal could not go full screen (an unknown TERM): nothing was read
                // from the meeting yet, so plain lines take over.
                let plain = ConsoleAppDisplay.plainLines(
                    output: ConsoleAppDisplay.writeLine,
                    commands: TerminalLineReader.standardInput()
                )
                _ = try await ConsoleApp(state: state, theme: theme, display: plain, engine: meeting, logger: logger)
                    .run()
            }
            try await group.waitForAll()
        }
    }
}
