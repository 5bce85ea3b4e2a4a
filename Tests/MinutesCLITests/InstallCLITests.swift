import Foundation
import MinutesAudio
import MinutesTestSupport
import Testing

/// `make install`'s file layout, through `scripts/install` with the built binary (the test
/// cannot run SwiftPM inside `swift test`), and the installed program started elsewhere.
@Suite(.hangGuard)
struct InstallCLITests {
    @Test func anInstalledMinutesFindsItsThemesPersonasAndCompletionsFromAnyDirectoryAndUninstallsCleanly()
        async throws
    {
        let cli = try CLIRunner()
        let destination = cli.path("stage")
        let bash = URL(fileURLWithPath: "/bin/bash")
        let script = CLIRunner.repository + "/scripts/install"

        // When the built binary is installed into a staging DESTDIR
        let installed = try await cli.run(
            arguments: [
                script, "--binary", try CLIRunner.binary().path, "--prefix", "/opt/minutes", "--destdir", destination,
            ],
            program: bash
        )
        #expect(installed.status == 0, "\(installed.stderr)")
        let root = destination + "/opt/minutes"
        let program = URL(fileURLWithPath: root + "/bin/minutes")

        // Then, started from another directory with no repository in sight, it finds its
        // personas and themes (no MINUTES_PERSONAS_DIR: the test environment has none)
        var environment = cli.environment
        environment["MINUTES_MODELS_DIR"] = TestData.modelsDirectory
        environment["TERM"] = "dumb"
        let transcript = cli.path("standup.txt")
        try "Ana: I will send the report by Friday.\nBen: Thanks.\n".write(
            toFile: transcript,
            atomically: true,
            encoding: .utf8
        )
        let summary = try await cli.run(
            arguments: ["summarize", "--transcript", transcript, "--persona", "standup"],
            environment: environment,
            program: program
        )
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.lowercased().contains("send the report"), "\(summary.stdout)")
        let noPersona = try await cli.run(
            arguments: ["summarize", "--transcript", transcript, "--persona", "no-such-persona"],
            environment: environment,
            program: program
        )
        #expect(noPersona.status != 0, "an unknown persona is refused, so the found ones were really looked up")

        let silence = cli.path("silence.wav")
        try WAVWriter.write([Float](repeating: 0, count: 16_000), to: silence, sampleRate: 16_000)
        let console = try await cli.run(
            arguments: ["console", "--theme", "high-contrast", "--replay", silence, "--speed", "0"],
            environment: environment,
            program: program
        )
        #expect(console.status == 0, "\(console.stdout) \(console.stderr)")
        let unknown = try await cli.run(
            arguments: ["console", "--theme", "no-such-theme", "--replay", silence, "--speed", "0"],
            environment: environment,
            program: program
        )
        #expect(unknown.status != 0, "an unknown theme is refused, so the found one was really looked up")
        // and recordings go to the data directory, not the directory it was started in
        let recordings = try FileManager.default.contentsOfDirectory(
            atPath: cli.path(".local/share/minutes/recordings")
        )
        #expect(recordings.contains { $0.hasSuffix(".wav") }, "\(recordings)")

        // and the shell completions name its subcommands; bash accepts its script
        let completions = [
            "share/bash-completion/completions/minutes",
            "share/zsh/site-functions/_minutes",
            "share/fish/vendor_completions.d/minutes.fish",
        ]
        for file in completions {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            #expect(text.contains("transcribe") && text.contains("process"), "\(file)")
        }
        let sourced = try await cli.run(
            arguments: ["-c", "source '\(root)/\(completions[0])' && complete -p minutes"],
            program: bash
        )
        #expect(sourced.status == 0 && sourced.stdout.contains("minutes"), "\(sourced.stderr)")

        // When it is uninstalled, every installed file and folder is gone, nothing else
        let keep = root + "/share/minutes/notes-of-mine.txt"
        try "mine".write(toFile: keep, atomically: true, encoding: .utf8)
        let removed = try await cli.run(
            arguments: [script, "--uninstall", "--prefix", "/opt/minutes", "--destdir", destination],
            program: bash
        )
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: program.path))
        #expect(!FileManager.default.fileExists(atPath: root + "/share/minutes/themes"))
        #expect(!FileManager.default.fileExists(atPath: root + "/" + completions[0]))
        #expect(FileManager.default.fileExists(atPath: keep), "a file the install did not make stays")
    }
}
