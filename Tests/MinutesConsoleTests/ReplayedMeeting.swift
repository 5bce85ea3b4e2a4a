import Foundation
import MinutesAudio
import MinutesConsole
import MinutesCore
import MinutesSpeech
import MinutesTestSupport

/// A scripted meeting spoken into a WAV file and replayed through the real engines into a
/// session held in memory, as the console would hear it.
struct ReplayedMeeting {
    let directory: LiveTemporaryDirectory
    let meeting: SyntheticMeeting
    let orchestrator: SessionOrchestrator
    let session: Session
    /// Where the recording and exports go.
    let recordings: String
    let live: LiveMeeting<ContinuousClock>

    /// Speaks `script` and builds the live meeting over it; `name` names the recording.
    static func make(
        _ script: [SyntheticMeeting.Turn],
        synthesizer: any SpeechSynthesizer,
        title: String,
        name: String,
        speed: Double
    ) async throws -> ReplayedMeeting {
        let directory = try LiveTemporaryDirectory()
        let meeting = try await SyntheticMeeting.make(script, synthesizer: synthesizer)
        let wav = directory.file(name + "-input.wav")
        try WAVWriter.write(meeting.samples, to: wav, sampleRate: 16_000)
        let orchestrator = SessionOrchestrator(
            store: LiveMemoryStore(),
            archive: InMemoryExportArchive(),
            logger: .quiet
        )
        let session = try await orchestrator.createSession(title: title)
        let recordings = directory.file("Recordings")
        let live = try LiveMeetingTests.meeting(
            source: try ReplaySource(path: wav, speed: speed, clock: ContinuousClock()),
            recorder: try RecordingWriter(directory: recordings, name: name, sessionID: session.id.rawValue),
            orchestrator: orchestrator,
            session: session.id,
            exportDirectory: recordings
        )
        return ReplayedMeeting(
            directory: directory,
            meeting: meeting,
            orchestrator: orchestrator,
            session: session,
            recordings: recordings,
            live: live
        )
    }
}
