import Foundation
import MinutesAudio
import MinutesCore
import MinutesSpeakers
import MinutesSpeech
import MinutesTestSupport
import Testing

@Suite(.hangGuard)
struct SynthesisAndVoiceActivityTests {
    private var vadModel: String { TestData.modelsDirectory + "/silero_vad.onnx" }

    @Test func espeakSpeechIsUnderstoodByTheTranscriber() async throws {
        let text = "The quarterly budget review is scheduled for Thursday afternoon."
        let samples = try await EspeakSynthesizer().synthesize(text, voice: "en-us")
        let model = WhisperModelFile.path(for: "tiny.en", modelsDirectory: TestData.modelsDirectory)

        let heard = try await WhisperCppTranscriber(modelPath: model).transcribe(
            samples,
            options: TranscriptionOptions()
        )

        let wer = WordErrorRate.measure(reference: text, hypothesis: heard.map(\.text).joined(separator: " "))
        #expect(wer.rate <= 0.2, "WER \(wer.rate): \(heard.map(\.text))")
        #expect(samples.count > 16_000 * 2)
    }

    @Test func voicesAreListedAndAnUnknownVoiceIsAClearError() async throws {
        let voices = try await EspeakSynthesizer().voices()
        #expect(voices.contains { $0.language.hasPrefix("en") })
        let error = await #expect(throws: MinutesError.self) {
            _ = try await EspeakSynthesizer().synthesize("hello", voice: "no-such-voice")
        }
        #expect(error?.message.contains("no-such-voice") == true)
    }

    @Test func speechRegionsMatchASyntheticMeetingsTurns() async throws {
        let meeting = try await SyntheticMeeting.make(SyntheticMeeting.planningScript, synthesizer: EspeakSynthesizer())
        let detector = try SileroVoiceActivityDetector(
            configuration: VoiceActivityConfiguration(modelPath: vadModel, padding: 0)
        )

        let regions = try await detector.speechRegions(in: meeting.samples)

        // espeak-ng's output shifts slightly with what the shared engine spoke before (other
        // tests run beside this one), and a soft onset can then start a few windows late: so
        // every boundary within 300 ms and nearly all within 100 ms.
        #expect(regions.count == meeting.turns.count, "\(regions)")
        let errors = zip(regions, meeting.turns).flatMap { region, turn in
            [abs(region.start - turn.start), abs(region.end - turn.end)]
        }
        #expect(errors.allSatisfy { $0 <= 0.3 }, "\(errors)")
        #expect(errors.filter { $0 <= 0.1 }.count >= errors.count - 1, "\(errors)")
    }

    @Test func silenceHasNoSpeechRegions() async throws {
        let detector = try SileroVoiceActivityDetector(configuration: VoiceActivityConfiguration(modelPath: vadModel))
        let noise = (0..<48_000).map { _ in Float.random(in: -0.001...0.001) }

        #expect(try await detector.speechRegions(in: [Float](repeating: 0, count: 48_000)).isEmpty)
        #expect(try await detector.speechRegions(in: noise).isEmpty)
    }

    @Test func aMissingVoiceActivityModelNamesMakeModels() {
        let error = #expect(throws: MinutesError.self) {
            _ = try SileroVoiceActivityDetector(
                configuration: VoiceActivityConfiguration(modelPath: "/nonexistent/silero_vad.onnx")
            )
        }
        #expect(error?.message.contains("make models") == true)
    }
}
