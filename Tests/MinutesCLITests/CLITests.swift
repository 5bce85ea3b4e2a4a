import Foundation
import Logging
import MinutesCore
import MinutesSpeech
import MinutesStorage
import MinutesTestSupport
import Testing

/// End-to-end runs of the built binary: what a person sees, and what they keep.
@Suite(.hangGuard)
struct CLITests {
    private let id = MeetingFixture.sessionID.rawValue

    /// The fixture meeting as a JSON manifest file in the runner's directory.
    private func writeFixtureManifest(_ cli: CLIRunner) async throws -> (path: String, manifest: ExportManifest) {
        let orchestrator = SessionOrchestrator(
            store: try GRDBSessionStore(),
            archive: InMemoryExportArchive(),
            clock: FixedWallClock(),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        try await MeetingFixture.populate(orchestrator)
        let manifest = try await orchestrator.manifest(MeetingFixture.sessionID)
        let path = cli.path("meeting.json")
        try Data(manifest.jsonText().utf8).write(to: URL(fileURLWithPath: path))
        return (path, manifest)
    }

    @Test func versionAndHelpListEveryCommand() async throws {
        let cli = try CLIRunner()

        let version = try await cli.run("--version")
        let help = try await cli.run("--help")

        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        #expect(help.status == 0)
        for command in [
            "console", "devices", "sessions", "export", "exports", "transcribe", "process", "refine", "summarize",
            "demo", "search",
        ] {
            #expect(help.stdout.contains(command), "\(command)")
        }
    }

    @Test func importListShowExportAndDelete() async throws {
        let cli = try CLIRunner()
        let (manifestPath, manifest) = try await writeFixtureManifest(cli)

        let imported = try await cli.run("sessions", "import", manifestPath)
        #expect(imported.status == 0, "\(imported.stderr)")
        let list = try await cli.run("sessions", "list")
        #expect(list.stdout.contains(id) && list.stdout.contains("Release planning"))
        let show = try await cli.run("sessions", "show", id)
        #expect(show.stdout.contains("Alice: Good morning"))

        for format in ExportFormat.allCases {
            let exported = try await cli.run("export", id, "--format", format.rawValue)
            #expect(exported.status == 0)
            #expect(exported.stdout == format.render(manifest), "format \(format)")
        }

        #expect(try await cli.run("sessions", "delete", id).stdout.contains("Deleted"))
        let again = try await cli.run("sessions", "delete", id)
        #expect(again.status == 0)
        #expect(again.stdout.contains("nothing to delete"))
    }

    @Test func theSameCommandsWorkOnPostgreSQL() async throws {
        // Given the CLI pointed at a PostgreSQL schema of its own
        let cli = try CLIRunner()
        cli.environment["MINUTES_DATABASE_URL"] = try TestPostgresServer.freshDatabaseURL()
        let (manifestPath, manifest) = try await writeFixtureManifest(cli)

        // When a meeting is imported, shown, stored as an export and deleted
        let imported = try await cli.run("sessions", "import", manifestPath)
        let list = try await cli.run("sessions", "list")
        let exported = try await cli.run("export", id, "--format", "md")
        let stored = try await cli.run("export", id, "--store")
        let exports = try await cli.run("exports", "list")
        let searched = try await cli.run("search", "upgrade path", "--speaker", "alice")
        let deleted = try await cli.run("sessions", "delete", id)
        let searchedAfter = try await cli.run("search", "upgrade path")
        let gone = try await cli.run("sessions", "show", id)

        // Then each step behaves as on SQLite
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(list.stdout.contains(id) && list.stdout.contains("Release planning"))
        #expect(exported.stdout == ExportFormat.markdown.render(manifest))
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(exports.stdout.contains(id))
        #expect(searched.stdout.contains("Alice: Great. Then we ship on Monday. Can you check the «upgrade» «path»"))
        #expect(deleted.stdout.contains("Deleted"))
        #expect(searchedAfter.stdout == "No matches.\n")
        #expect(gone.status == 2)
    }

    @Test func searchListsHitsByMeetingAsTextOrJSONAndRefusesBadInput() async throws {
        let cli = try CLIRunner()
        let (manifestPath, _) = try await writeFixtureManifest(cli)
        _ = try await cli.run("sessions", "import", manifestPath)

        let text = try await cli.run("search", "release")
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Release planning — ") == true && lines.first?.hasSuffix("(\(id))") == true)
        #expect(lines.dropFirst().first == "  00:00:11  action for Carol: Write the «release» notes")
        #expect(lines.contains("  00:00:00  Alice: Good morning, let's go through the «release» plan."))

        let json = try await cli.run("search", "monday", "--kind", "decision", "--format", "json")
        let hits = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(hits?.map { $0["kind"] as? String } == ["decision"])
        #expect(hits?.first?["snippet"] as? String == "Ship on «Monday».")
        #expect(hits?.first?["started_at"] as? String != nil)

        for bad in [["\""], ["x", "--since", "last week"], ["x", "--kind", "topic"], ["x", "--limit", "0"]] {
            let refused = try await cli.run(arguments: ["search"] + bad)
            #expect(refused.status == 1 && refused.stderr.hasPrefix("error: "), "\(bad): \(refused.stderr)")
        }
    }

    @Test func exportToAFileNeverOverwritesWithoutForce() async throws {
        let cli = try CLIRunner()
        let (manifestPath, _) = try await writeFixtureManifest(cli)
        _ = try await cli.run("sessions", "import", manifestPath)
        let target = cli.path("minutes.md")
        try Data("my notes".utf8).write(to: URL(fileURLWithPath: target))

        let refused = try await cli.run("export", id, "--out", target)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "my notes")

        let forced = try await cli.run("export", id, "--out", target, "--force")
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("# Release planning"))
    }

    @Test func storedExportsListShowAndSweep() async throws {
        let cli = try CLIRunner()
        let (manifestPath, manifest) = try await writeFixtureManifest(cli)
        _ = try await cli.run("sessions", "import", manifestPath)

        let stored = try await cli.run("export", id, "--store")
        #expect(stored.status == 0, "\(stored.stderr)")
        let exportID = try #require(stored.stdout.split(separator: " ").dropFirst().first.map(String.init))
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.path("exports"))
        #expect(files == ["\(id)-\(exportID).json"])

        #expect(try await cli.run("exports", "list").stdout.contains(exportID))
        let shown = try await cli.run("exports", "show", exportID)
        #expect(shown.stdout == manifest.jsonText())

        let kept = try await cli.run("exports", "sweep")
        #expect(kept.stdout.contains("Removed 0 stored exports"))
        let swept = try await cli.run("exports", "sweep", "--days", "0")
        #expect(swept.stdout.contains("Removed 1 stored export."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("exports")).isEmpty)
    }

    @Test func speakerBoundsThatCannotHoldAndBeamsOutOfRangeAreUsageErrors() async throws {
        let cli = try CLIRunner()
        for (arguments, message) in [
            (["process", "x.wav", "--min-speakers", "3", "--max-speakers", "2"], "more than --max-speakers"),
            (["process", "x.wav", "--speakers", "2", "--max-speakers", "3"], "not both"),
            (["process", "x.wav", "--min-speakers", "0"], "1 or more"),
            (["transcribe", "x.wav", "--beam", "0"], "from 1 to 8"),
            (["process", "x.wav", "--beam", "100"], "from 1 to 8"),
        ] {
            let result = try await cli.run(arguments: arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        var environment = cli.environment
        environment["MINUTES_WHISPER_BEAM"] = "wide"
        environment["MINUTES_MODELS_DIR"] = TestData.modelsDirectory
        let fromEnvironment = try await cli.run(arguments: ["transcribe", TestData.jfk], environment: environment)
        #expect(fromEnvironment.status != 0 && fromEnvironment.stderr.contains("MINUTES_WHISPER_BEAM"))
    }

    @Test func unknownIdsExitWithTwoAndNameTheId() async throws {
        let cli = try CLIRunner()

        for (arguments, unknown) in [
            (["sessions", "show", "ses_aaaaaaaaaaaa"], "ses_aaaaaaaaaaaa"),
            (["export", "ses_aaaaaaaaaaaa"], "ses_aaaaaaaaaaaa"),
            (["export", "../../etc/passwd"], "../../etc/passwd"),
            (["exports", "show", "exp_aaaaaaaaaaaa"], "exp_aaaaaaaaaaaa"),
        ] {
            let result = try await cli.run(arguments: arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("'\(unknown)'"), "\(result.stderr)")
        }
    }

    @Test func badConfigurationAndStorageAreClearErrorsThatLoseNothing() async throws {
        let cli = try CLIRunner()

        cli.environment["MINUTES_EXPORT_RETENTION_DAYS"] = "forever"
        let retention = try await cli.run("sessions", "list")
        #expect(retention.status == 1)
        #expect(retention.stderr.contains("'forever'"))
        cli.environment["MINUTES_EXPORT_RETENTION_DAYS"] = nil

        try Data("plain file".utf8).write(to: URL(fileURLWithPath: cli.path("blocker")))
        cli.environment["MINUTES_STORAGE_DIR"] = cli.path("blocker/exports")
        let storage = try await cli.run("exports", "list")
        #expect(storage.status == 1)
        #expect(storage.stderr.contains("blocker/exports"))
        cli.environment["MINUTES_STORAGE_DIR"] = cli.path("exports")

        let garbage = Data(repeating: 0x5A, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: cli.path("minutes.sqlite")))
        let corrupt = try await cli.run("sessions", "list")
        #expect(corrupt.status == 1)
        #expect(corrupt.stderr.contains("left untouched"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.path("minutes.sqlite"))) == garbage)
    }
}

/// The speech commands through the built binary, with the provisioned models.
@Suite(.hangGuard)
struct SpeechCLITests {
    @Test func transcribeSpeakAndScoreARoundTrip() async throws {
        let cli = try CLIRunner()
        cli.environment["MINUTES_MODELS_DIR"] = TestData.modelsDirectory

        let transcript = try await cli.run("transcribe", TestData.jfk)
        #expect(transcript.status == 0, "\(transcript.stderr)")
        #expect(TranscriptNormalizer.words(transcript.stdout) == TranscriptNormalizer.words(TestData.jfkTranscript))

        let spoken = try await cli.run(
            "speak",
            "Please send the budget by Friday.",
            "--voice",
            "en-gb",
            "--out",
            cli.path("s.wav")
        )
        #expect(spoken.status == 0, "\(spoken.stderr)")
        try Data("Please send the budget by Friday.".utf8).write(to: URL(fileURLWithPath: cli.path("ref.txt")))
        let scored = try await cli.run("eval", "wer", "--ref", cli.path("ref.txt"), "--audio", cli.path("s.wav"))
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.stdout.contains("WER "))

        let voices = try await cli.run("speak", "--list-voices")
        #expect(voices.stdout.contains("en-us") || voices.stdout.contains("gmw/en-US"))
    }

    @Test func missingModelsAndBadAudioAreClearErrors() async throws {
        let cli = try CLIRunner()
        cli.environment["MINUTES_MODELS_DIR"] = cli.path("no-models")
        let missing = try await cli.run("transcribe", TestData.jfk)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("make models"))

        cli.environment["MINUTES_MODELS_DIR"] = TestData.modelsDirectory
        try Data("RIFF\u{0}\u{0}".utf8).write(to: URL(fileURLWithPath: cli.path("cut.wav")))
        let truncated = try await cli.run("transcribe", cli.path("cut.wav"))
        #expect(truncated.status == 1)
        #expect(truncated.stderr.contains("cut.wav"))

        // A picture renamed .mp3 is refused with what it is; a WAV cut short is transcribed
        // with a warning that gives both durations
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16] + Array("JFIF".utf8)).write(
            to: URL(fileURLWithPath: cli.path("photo.mp3"))
        )
        let picture = try await cli.run("transcribe", cli.path("photo.mp3"))
        #expect(picture.status == 1)
        #expect(
            picture.stderr.contains("photo.mp3") && picture.stderr.contains("has no audio track"),
            "\(picture.stderr)"
        )
        #expect(picture.stderr.contains("which looks like a JPEG image"), "\(picture.stderr)")
        let jfk = try Data(contentsOf: URL(fileURLWithPath: TestData.jfk))
        try jfk.prefix(44 + 16_000 * 2 * 3).write(to: URL(fileURLWithPath: cli.path("short.wav")))
        let short = try await cli.run("transcribe", cli.path("short.wav"))
        #expect(short.status == 0, "\(short.stderr)")
        #expect(
            short.stderr.contains("warning:") && short.stderr.contains("s promised, 3.00 s there"),
            "\(short.stderr)"
        )
        #expect(short.stdout.contains("fellow"))

        let models = try await cli.run("models")
        #expect(models.stdout.contains("ggml-tiny.en.bin"))
    }
}

/// `process`, `enroll` and `speakers` through the built binary with the real models.
@Suite(.hangGuard)
struct SpeakersCLITests {
    @Test func processARealRecordingThenEnrollListAndForget() async throws {
        let cli = try CLIRunner()
        cli.environment["MINUTES_MODELS_DIR"] = TestData.modelsDirectory

        let processed = try await cli.run("process", TestData.diarizationDev + "/trn00.wav", "--title", "Design review")
        #expect(processed.status == 0, "\(processed.stderr)")
        #expect(processed.stdout.hasPrefix("Session ses_"))
        #expect(processed.stdout.contains("Speaker 1:") && processed.stdout.contains("Speaker 2:"))
        #expect(processed.stdout.lowercased().contains("duplication of effort"))
        #expect(processed.stderr.contains("diarize") && processed.stderr.contains("transcribe"))

        let sentence =
            "I usually talk about budgets, schedules and the roadmap for the next quarter in our weekly meetings."
        _ = try await cli.run("speak", sentence, "--voice", "en-us+f3", "--out", cli.path("ada.wav"))
        let enrolled = try await cli.run("enroll", "Ada", cli.path("ada.wav"))
        #expect(enrolled.status == 0, "\(enrolled.stderr)")
        let again = try await cli.run("enroll", "Ada", cli.path("ada.wav"))
        #expect(again.status == 1 && again.stderr.contains("--replace"))
        #expect(try await cli.run("speakers", "list").stdout.contains("Ada"))

        let forgotten = try await cli.run("speakers", "forget", "Ada")
        #expect(forgotten.status == 0)
        #expect(try await cli.run("speakers", "list").stdout.contains("No enrolled speakers"))
        let unknown = try await cli.run("speakers", "forget", "Ada")
        #expect(unknown.status == 2 && unknown.stderr.contains("'Ada'"))
    }

    /// The same meeting as Opus (a messenger) and M4A (Zoom) gives its WAV's words. (Its voices
    /// can come out differently: at 128 kb/s Opus, the diarizer hears one voice where the WAV
    /// has two; BENCHMARKS.md.)
    @Test(arguments: [("opus", ["-b:a", "128k"]), ("m4a", ["-c:a", "aac", "-b:a", "128k"])])
    func processReadsTheFormatsPeopleSend(format: String, arguments: [String]) async throws {
        let cli = try CLIRunner()
        cli.environment["MINUTES_MODELS_DIR"] = TestData.modelsDirectory
        let path = try TestData.encoded(TestData.diarizationDev + "/trn00.wav", as: format, arguments: arguments)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let processed = try await cli.run("process", path, "--title", "Design review")

        #expect(processed.status == 0, "\(processed.stderr)")
        #expect(processed.stdout.contains("Speaker 1:"))
        #expect(processed.stdout.lowercased().contains("duplication of effort"), "\(processed.stdout)")
        #expect(processed.stdout.lowercased().contains("steve's feedback"), "\(processed.stdout)")
    }

    @Test func tooShortAudioAndTooLittleEnrollmentSpeechAreClearErrors() async throws {
        let cli = try CLIRunner()
        cli.environment["MINUTES_MODELS_DIR"] = TestData.modelsDirectory
        _ = try await cli.run("speak", "Hi.", "--voice", "en-us", "--out", cli.path("hi.wav"))

        let enroll = try await cli.run("enroll", "Bo", cli.path("hi.wav"))
        #expect(enroll.status == 1)
        #expect(enroll.stderr.contains("enrollment needs at least 5 s"))

        let silence = cli.path("short.wav")
        try WAVFixture.silence(seconds: 0.2, to: silence)
        let process = try await cli.run("process", silence)
        #expect(process.status == 1)
        #expect(process.stderr.contains("at least 0.5 s"))
    }
}

/// `summarize` through the built binary.
@Suite(.hangGuard)
struct SummarizeCLITests {
    private var standup: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("MinutesSummaryTests/Transcripts/standup.txt").path
    }

    @Test func summarizeATranscriptOfflineAndFallBackWhenTheLLMIsDown() async throws {
        let cli = try CLIRunner()
        cli.environment["MINUTES_PERSONAS_DIR"] = CLIRunner.repository + "/Personas"

        let offline = try await cli.run("summarize", "--transcript", standup)
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout.contains("## Action items") && offline.stdout.contains("**Aisha**"))

        let unknown = try await cli.run("summarize", "--transcript", standup, "--persona", "astrologer")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("known: ") && unknown.stderr.contains("standup"))

        cli.environment["MINUTES_LLM_BASE_URL"] = "http://127.0.0.1:9"
        cli.environment["MINUTES_LLM_MAX_ATTEMPTS"] = "1"
        let fallback = try await cli.run("summarize", "--transcript", standup, "--llm", "--format", "json")
        #expect(fallback.status == 0, "\(fallback.stderr)")
        #expect(fallback.stderr.contains("the LLM did not answer"))
        #expect(fallback.stdout.contains("\"action_items\""))

        let badShape = cli.path("notes.txt")
        try Data("just some words without any speaker\n".utf8).write(to: URL(fileURLWithPath: badShape))
        let rejected = try await cli.run("summarize", "--transcript", badShape)
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("Speaker"))
    }
}

/// `minutes demo` end to end with the real engines.
@Suite(.hangGuard)
struct DemoCLITests {
    @Test func theDemoDiarizesLabelsSummarizesAndExports() async throws {
        let cli = try CLIRunner()
        cli.environment["MINUTES_MODELS_DIR"] = TestData.modelsDirectory
        cli.environment["MINUTES_PERSONAS_DIR"] = CLIRunner.repository + "/Personas"

        let demo = try await cli.run("demo", "--persist", cli.path("demo"))

        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("3 speakers"))
        let minutes = try String(contentsOfFile: cli.path("demo/demo-meeting.md"), encoding: .utf8)
        #expect(minutes.contains("**Participants:** Alice, Bob, Dan"))
        #expect(minutes.contains("## Summary") && minutes.contains("## Action items"))
        // The transcript says what the script says, and every action item has its owner
        let manifest = try ExportManifest.decode(
            Data(contentsOf: URL(fileURLWithPath: cli.path("demo/demo-meeting.json")))
        )
        let error = WordErrorRate.measure(
            reference: SyntheticMeeting.demoScript.map(\.text).joined(separator: " "),
            hypothesis: manifest.segments.map(\.text).joined(separator: " ")
        )
        #expect(error.rate <= 0.05, "WER \(error.rate): \(manifest.segments.map(\.text))")
        for owner in ["Alice", "Bob", "Dan"] {
            #expect(minutes.contains("— **\(owner)**"), "no action item for \(owner)")
        }
        #expect(FileManager.default.fileExists(atPath: cli.path("demo/demo-meeting.wav")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.path("demo/exports")).count == 1)
    }
}
