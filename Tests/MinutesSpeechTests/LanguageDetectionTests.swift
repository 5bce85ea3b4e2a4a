import Foundation
import MinutesCore
import MinutesSpeakers
import MinutesSpeech
import MinutesTestSupport
import Testing

/// `--language auto` with the multilingual base model (`make testdata` provisions it): a
/// meeting that switches language is transcribed in each, window by window in recordings and
/// utterance by utterance live, and every segment says which language it was heard in.
@Suite(.hangGuard)
struct LanguageDetectionTests {
    private static let base = Result {
        try WhisperCppTranscriber(
            modelPath: WhisperModelFile.path(for: "base", modelsDirectory: TestData.modelsDirectory)
        )
    }

    private static let english =
        "Good morning everyone. Today we look at the budget for next year and the new customers."
    private static let german =
        "Guten Morgen zusammen. Heute besprechen wir den Plan für das nächste Quartal und die neuen Kunden."

    /// English from Flite's `slt`, German from espeak-ng's `de`: espeak-ng's German comes out
    /// of Whisper nearly word for word, its French did not (detected as Thai).
    private static func speech() async throws -> (english: [Float], german: [Float]) {
        let synthesizer = LocalSynthesizer()
        return (
            try await synthesizer.synthesize(english, voice: "slt"),
            try await synthesizer.synthesize(german, voice: "de")
        )
    }

    @Test func aRecordingThatSwitchesLanguageIsTranscribedInEachWindowByWindow() async throws {
        // Given a recording: English, a pause, German, a pause, English again
        let (english, german) = try await Self.speech()
        let pause = [Float](repeating: 0, count: 16_000 * 3)
        let transcriber = FileTranscriber(
            transcriber: try Self.base.get(),
            detector: try SileroVoiceActivityDetector(
                configuration: VoiceActivityConfiguration(modelPath: TestData.modelsDirectory + "/silero_vad.onnx")
            )
        )

        // When it is transcribed with the language left to the model
        let segments = try await transcriber.transcribe(
            samples: english + pause + german + pause + english,
            options: TranscriptionOptions(language: "auto")
        )

        // Then each part comes out in its own language, labelled with it
        var runs: [String] = []
        for language in segments.compactMap(\.language) where runs.last != language {
            runs.append(language)
        }
        #expect(runs == ["en", "de", "en"], "\(segments.map { ($0.language ?? "?", $0.text) })")
        let germanText = segments.filter { $0.language == "de" }.map(\.text).joined(separator: " ")
        let germanErrors = WordErrorRate.measure(reference: Self.german, hypothesis: germanText)
        #expect(germanErrors.rate < 0.3, "\(germanText)")
        #expect(segments.allSatisfy { $0.language != nil })
    }

    @Test func liveCaptionsDetectTheLanguageOfEachUtterance() async throws {
        // Given the live captioner on the multilingual model, language left to the model
        let (english, german) = try await Self.speech()
        let captioner = LiveCaptioner(
            transcriber: try Self.base.get(),
            options: TranscriptionOptions(language: "auto")
        )

        // When a German utterance, then an English one, end at their pauses
        var finals: [LiveCaption] = []
        for (start, utterance) in [(0.0, german), (10.0, english)] {
            await captioner.beginUtterance(at: start)
            _ = try await captioner.append(utterance)
            finals.append(try #require(try await captioner.endUtterance()))
        }

        // Then each final caption carries the language it was spoken in
        #expect(finals.map(\.language) == ["de", "en"], "\(finals.map(\.text))")
        #expect(finals[0].text.contains("Morgen"), "\(finals[0].text)")
    }

    @Test func anEnglishOnlyModelLabelsEverythingEnglishEvenWhenAskedToDetect() async throws {
        // Given tiny.en, which knows one language, asked to detect it
        let transcriber = try WhisperCppTranscriber(
            modelPath: WhisperModelFile.path(for: "tiny.en", modelsDirectory: TestData.modelsDirectory)
        )
        let (english, _) = try await Self.speech()

        // When it transcribes English
        let segments = try await transcriber.transcribe(english, options: TranscriptionOptions(language: "auto"))

        // Then the segments say English, the only language it can have heard
        #expect(!segments.isEmpty)
        #expect(segments.allSatisfy { $0.language == "en" })
    }
}
