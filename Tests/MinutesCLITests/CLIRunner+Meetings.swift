import MinutesAudio
import MinutesCore
import MinutesSpeech
import MinutesTestSupport

/// Meetings for the commands that record and refine them.
extension CLIRunner {
    /// `script` spoken by `synthesizer` into a WAV file named `name` in the runner's directory.
    func spoken(
        _ script: [SyntheticMeeting.Turn],
        synthesizer: any SpeechSynthesizer,
        into name: String
    ) async throws -> String {
        let meeting = try await SyntheticMeeting.make(script, synthesizer: synthesizer)
        try WAVWriter.write(meeting.samples, to: path(name), sampleRate: 16_000)
        return path(name)
    }

    /// The demo meeting `make run` replays on a machine with no capture device.
    func demoMeeting() async throws -> String {
        try await spoken(SyntheticMeeting.demoScript, synthesizer: LocalSynthesizer(), into: "demo-meeting.wav")
    }

    /// The runner's environment with the test models, the repository's personas, and the
    /// recordings and log in the runner's directory.
    var meetingEnvironment: [String: String] {
        var environment = self.environment
        environment["MINUTES_MODELS_DIR"] = TestData.modelsDirectory
        environment["MINUTES_PERSONAS_DIR"] = CLIRunner.repository + "/Personas"
        environment["MINUTES_RECORDINGS_DIR"] = path("recordings")
        environment["MINUTES_LOG_FILE"] = path("minutes.log")
        return environment
    }
}
