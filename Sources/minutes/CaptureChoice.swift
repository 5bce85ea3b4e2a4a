import Foundation
import MinutesAudio
import MinutesCore
import MinutesSpeech

/// Picks the console's audio: a replayed file, the capture device, or, when the machine has
/// no capture device at all, the demo meeting replayed as if live.
enum CaptureChoice {
    static func source(
        device: String?,
        replay: String?,
        speed: Double,
        recordings: String
    ) async throws -> any CaptureSource {
        if let replay { return try ReplaySource(path: replay, speed: speed) }
        do {
            return try ALSACaptureSource(configuration: ALSACaptureConfiguration(device: device ?? "default"))
        } catch let error as MinutesError where error.code == .notFound && device == nil {
            let demo = try await demoRecording(in: recordings)
            print("No capture device (\(error.message)).")
            print("Replaying the demo meeting \(demo) as if it were live.")
            try await Task.sleep(for: .seconds(2))
            return try ReplaySource(path: demo, speed: 1)
        }
    }

    /// `demo-meeting.wav` in the recordings directory, synthesized anew each time (Flite takes a
    /// fraction of a second), so a file left by an earlier version never replays an older script.
    static func demoRecording(in recordings: String) async throws -> String {
        let path = recordings + "/demo-meeting.wav"
        try FileManager.default.createDirectory(atPath: recordings, withIntermediateDirectories: true)
        let meeting = try await SyntheticMeeting.make(SyntheticMeeting.demoScript, synthesizer: LocalSynthesizer())
        try WAVWriter.write(meeting.samples, to: path, sampleRate: 16_000)
        return path
    }
}
