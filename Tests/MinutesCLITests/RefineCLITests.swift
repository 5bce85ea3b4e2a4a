import Foundation
import MinutesTestSupport
import Testing

/// `minutes refine` through the built binary: crash-safe, one at a time, and clear about
/// sessions it cannot refine.
@Suite(.hangGuard)
struct RefineCLITests {
    /// A live session recorded by replaying the demo meeting as fast as it can be heard.
    private func recordedSession(_ cli: CLIRunner) async throws -> String {
        let recorded = try await cli.run(
            arguments: ["console", "--replay", try await cli.demoMeeting(), "--speed", "0", "--title", "Refine me"],
            environment: cli.meetingEnvironment
        )
        #expect(recorded.status == 0, "\(recorded.stderr)")
        return try #require(Self.sessionID(in: recorded.stdout), "\(recorded.stdout)")
    }

    private static func sessionID(in output: String) -> String? {
        output.split(whereSeparator: \.isWhitespace).map(String.init).first { $0.hasPrefix("ses_") }
    }

    private func run(_ cli: CLIRunner, _ arguments: String...) async throws -> CLIRunner.Result {
        try await cli.run(arguments: arguments, environment: cli.meetingEnvironment)
    }

    @Test func aKilledRefineLeavesTheLiveVersionAndASecondOneSaysItMustWait() async throws {
        // Given a meeting recorded live
        let cli = try CLIRunner()
        let id = try await recordedSession(cli)
        let live = try await run(cli, "export", id, "--format", "json")
        #expect(live.status == 0)

        // When a refine is killed while it transcribes, and a second one starts beside it
        let refine = Process()
        refine.executableURL = try CLIRunner.binary()
        refine.arguments = ["refine", id]
        refine.environment = cli.meetingEnvironment
        refine.currentDirectoryURL = URL(fileURLWithPath: cli.directory)
        #expect(FileManager.default.createFile(atPath: cli.path("refine.err"), contents: nil))
        refine.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: cli.path("refine.err")))
        refine.standardOutput = FileHandle.nullDevice
        try refine.run()
        var progress = ""
        for _ in 0..<1_200 where !progress.contains("transcribe") && refine.isRunning {
            try await Task.sleep(for: .milliseconds(50))
            progress = (try? String(contentsOfFile: cli.path("refine.err"), encoding: .utf8)) ?? ""
        }
        let second = try await run(cli, "refine", id)
        kill(refine.processIdentifier, SIGKILL)
        refine.waitUntilExit()

        // Then the first died mid-way, the second was turned away
        #expect(refine.terminationReason == .uncaughtSignal, "it finished before it was killed: \(progress)")
        #expect(second.status == 1)
        #expect(second.stderr.contains("already running"), "\(second.stderr)")
        // and the session is the live one, untouched
        #expect(try await run(cli, "export", id, "--format", "json").stdout == live.stdout)
        let never = try await run(cli, "export", id, "--version", "live")
        #expect(never.status == 2)
        #expect(never.stderr.contains("never refined"), "\(never.stderr)")

        // When it is refined again, to the end
        let refined = try await run(cli, "refine", id)

        // Then it is refined and the live version reads as the session did before
        #expect(refined.status == 0, "\(refined.stderr)")
        #expect(refined.stdout.contains("Session \(id) refined"), "\(refined.stdout)")
        #expect(try await run(cli, "export", id, "--version", "live", "--format", "json").stdout == live.stdout)
    }

    @Test func aSessionWithoutItsRecordingIsNotRefinedAndSaysWhy() async throws {
        let cli = try CLIRunner()
        // A session processed from a file has no recording of its own
        let processed = try await run(cli, "process", TestData.jfk)
        let processedID = try #require(Self.sessionID(in: processed.stdout))
        let missing = try await run(cli, "refine", processedID)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no recording of session \(processedID)"), "\(missing.stderr)")
        // but can be refined from the file it came from
        let given = try await run(cli, "refine", processedID, "--recording", TestData.jfk)
        #expect(given.status == 0, "\(given.stderr)")
        #expect(given.stdout.contains("refined"))

        // A live session whose recording was deleted
        let id = try await recordedSession(cli)
        let recordings = cli.path("recordings")
        for name in try FileManager.default.contentsOfDirectory(atPath: recordings) where name.hasSuffix(".wav") {
            try FileManager.default.removeItem(atPath: recordings + "/" + name)
        }
        let deleted = try await run(cli, "refine", id)
        #expect(deleted.status == 2)
        #expect(deleted.stderr.contains("deleted or moved"), "\(deleted.stderr)")

        // and an id nobody knows
        #expect(try await run(cli, "refine", "ses_000000000000").status == 2)
    }

    @Test func theConsoleRefinesTheMeetingInTheBackgroundWhenItEnds() async throws {
        // Given a console whose meetings are refined when they end
        let cli = try CLIRunner()
        var environment = cli.meetingEnvironment
        environment["MINUTES_REFINE"] = nil
        let recorded = try await cli.run(
            arguments: ["console", "--replay", try await cli.demoMeeting(), "--speed", "0"],
            environment: environment
        )
        #expect(recorded.stdout.contains("Refining it in the background"), "\(recorded.stdout)")
        let id = try #require(Self.sessionID(in: recorded.stdout))

        // When the refine it started has finished
        var status = ""
        for _ in 0..<600 where !status.contains("is refined") && !status.contains("failed") {
            try await Task.sleep(for: .milliseconds(200))
            status = try await run(cli, "refine", id, "--status").stdout
        }

        // Then the session is refined and the live version kept
        #expect(status.contains("Session \(id) is refined"), "\(status)")
        #expect(try await run(cli, "export", id, "--version", "live").status == 0)
    }
}
