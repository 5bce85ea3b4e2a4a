import Foundation
import MinutesAudio
import MinutesCore
import MinutesSpeech
import MinutesTestSupport
import Testing

/// The live console through the built binary: under tmux as a person uses it, and after a
/// crash.
@Suite(.serialized, .hangGuard)
struct ConsoleCLITests {
    /// A two-voice synthetic meeting as a WAV file in the runner's directory.
    private func twoVoiceMeeting(_ cli: CLIRunner) async throws -> String {
        try await cli.spoken(
            Array(SyntheticMeeting.planningScript.filter { $0.speaker != "carol" }),
            synthesizer: EspeakSynthesizer(),
            into: "meeting.wav"
        )
    }

    /// The first minute of a newcomer: the demo meeting in a real terminal.
    @Test func namingSummarizingAndExportingUnderTmux() async throws {
        let cli = try CLIRunner()
        let meeting = try await cli.demoMeeting()
        let tmux = try Tmux(session: "minutes-test-\(getpid())")
        defer { tmux.kill() }
        var variables = cli.meetingEnvironment
        variables["LANG"] = "C.UTF-8"
        variables["NCURSES_NO_UTF8_ACS"] = "1"
        variables["TERM"] = "xterm-256color"
        let exports = variables.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        try tmux.start(
            "cd '\(cli.directory)' && env \(exports) '\(try CLIRunner.binary().path)' console --replay '\(meeting)' --speed 2 --title 'Tmux meeting'; sleep 60"
        )

        // When the first new voice appears, the console asks who it is
        let prompt = try await tmux.waitFor("Who is this?", seconds: 90)
        #expect(prompt.contains("Tmux meeting") && prompt.contains("● REC"))
        tmux.type("Alice")
        tmux.press("Enter")
        _ = try await tmux.waitFor("Remember this voice", seconds: 10)
        tmux.type("n")
        let labelled = try await tmux.waitFor("Alice ", seconds: 30)
        #expect(labelled.contains("Good morning") || labelled.contains("morning"))

        // s builds the summary; e and 1 export Markdown next to the recording. A further
        // voice may be asked about at any moment; the helper skips such prompts.
        // Once the last words are on screen and had time to be labelled and stored
        _ = try await tmux.waitFor("afternoon", seconds: 120)
        try await Task.sleep(for: .seconds(5))
        _ = try await tmux.command("s", until: "Key points", seconds: 60)
        tmux.press("Escape")
        _ = try await tmux.command("e", until: "Markdown minutes", seconds: 30)
        _ = try await tmux.command("1", until: "Exported Markdown minutes to", seconds: 30)
        let recordings = try FileManager.default.contentsOfDirectory(atPath: cli.path("recordings"))
        let markdown = try #require(recordings.first { $0.hasSuffix(".md") }, "\(recordings)")
        #expect(
            recordings.contains(markdown.replacingOccurrences(of: ".md", with: ".wav")),
            "written next to the recording"
        )
        let minutes = try String(contentsOfFile: cli.path("recordings/" + markdown), encoding: .utf8)
        #expect(minutes.contains("Alice"))
        #expect(minutes.contains("## Summary"))
        // with the action item Alice took on in the demo, hers
        #expect(minutes.contains("Email the customers on Monday afternoon — **Alice**"), "\(minutes)")

        _ = try await tmux.command("q", until: "quit?", seconds: 30)
        tmux.type("y")
        _ = try await tmux.waitFor("saved; recording in", seconds: 30)
    }

    @Test func aKilledConsoleLosesNoAudioAndIsRecoveredOnTheNextStart() async throws {
        let cli = try CLIRunner()
        let meeting = try await twoVoiceMeeting(cli)
        let process = Process()
        process.executableURL = try CLIRunner.binary()
        process.arguments = ["console", "--replay", meeting, "--speed", "1"]
        process.environment = cli.meetingEnvironment
        process.currentDirectoryURL = URL(fileURLWithPath: cli.directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once a few seconds of audio are on disk (starting takes longer on a busy machine).
        let folder = cli.path("recordings")
        for _ in 0..<240 {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            let sizes = names.filter { $0.hasSuffix(".wav") }.compactMap {
                try? FileManager.default.attributesOfItem(atPath: folder + "/" + $0)[.size] as? Int
            }
            if sizes.contains(where: { $0 > 16_000 * 2 * 3 }) { break }
            try await Task.sleep(for: .milliseconds(250))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let recordings = try FileManager.default.contentsOfDirectory(atPath: cli.path("recordings"))
        let wav = try #require(recordings.first { $0.hasSuffix(".wav") })
        let restarted = try await cli.run(
            arguments: ["console", "--replay", meeting, "--speed", "0"],
            environment: cli.meetingEnvironment
        )

        #expect(restarted.stdout.contains("Recovered an unfinished recording"), "\(restarted.stdout)")
        #expect(restarted.stdout.contains(wav))
        let recovered = try AudioFile.load16kMono(cli.path("recordings/" + wav))
        #expect(recovered.count >= 16_000 * 2, "at least the first seconds before the kill are on disk")
    }
}
