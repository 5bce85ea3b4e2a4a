import Foundation
import MinutesAudio
import MinutesCore
import MinutesSpeech
import MinutesTestSupport
import Testing

/// whisper.cpp with the provisioned tiny.en model on real speech.
@Suite(.hangGuard)
struct WhisperTranscriberTests {
    private static let transcriber = Result {
        try WhisperCppTranscriber(
            modelPath: WhisperModelFile.path(for: "tiny.en", modelsDirectory: TestData.modelsDirectory)
        )
    }

    /// Both encoder windows: Whisper's full 30 s, and one fitted to the clip as live captions use.
    @Test(arguments: [false, true])
    func jfkIsTranscribedWordForWordWithWordTimes(fitsDecodingToClip: Bool) async throws {
        let transcriber = try Self.transcriber.get()
        let samples = try AudioFile.load16kMono(TestData.jfk)

        let segments = try await transcriber.transcribe(
            samples,
            options: TranscriptionOptions(timeOffset: 100, fitsDecodingToClip: fitsDecodingToClip)
        )

        let text = segments.map(\.text).joined(separator: " ")
        #expect(TranscriptNormalizer.words(text) == TranscriptNormalizer.words(TestData.jfkTranscript), "\(text)")
        let words = segments.flatMap(\.words)
        #expect(words.count == 22)
        #expect(words.allSatisfy { $0.start >= 100 && $0.end <= 111.1 && $0.start <= $0.end })
        #expect(zip(words, words.dropFirst()).allSatisfy { $0.start <= $1.start })
        #expect(words.allSatisfy { (0...1).contains($0.confidence) })
    }

    @Test(arguments: [false, true])
    func librivoxWordErrorRateIsUnderTenPercent(fitsDecodingToClip: Bool) async throws {
        let transcriber = try Self.transcriber.get()
        var total = WordErrorRate.zero
        for clip in try TestData.librivox() {
            let samples = try AudioFile.load16kMono(clip.path)
            let options = TranscriptionOptions(fitsDecodingToClip: fitsDecodingToClip)
            let text = try await transcriber.transcribe(samples, options: options).map(\.text).joined(separator: " ")
            total = total + WordErrorRate.measure(reference: clip.reference, hypothesis: text)
        }
        #expect(total.referenceWords == 71)
        print("LibriVox WER (tiny.en, decoding fits clip: \(fitsDecodingToClip)): \(total.rate) over 71 words")
        #expect(total.rate < 0.10, "WER \(total.rate)")
    }

    @Test func aCancelledDecodeStopsAndTheModelDecodesAgainAfterwards() async throws {
        // Given a decode of jfk.wav three times over (several decoder windows) under way
        let transcriber = try Self.transcriber.get()
        let jfk = try AudioFile.load16kMono(TestData.jfk)
        let decode = Task { try await transcriber.transcribe(jfk + jfk + jfk, options: TranscriptionOptions()) }
        try await Task.sleep(for: .milliseconds(100))

        // When its task is cancelled, it ends with CancellationError rather than a transcript
        decode.cancel()
        await #expect(throws: CancellationError.self) { try await decode.value }

        // Then the same model decodes the next clip in full
        let text = try await transcriber.transcribe(jfk, options: TranscriptionOptions()).map(\.text).joined()
        #expect(text.contains("ask not what your country can do for you"))
    }

    @Test func silenceAndTooShortAudioGiveNoText() async throws {
        let transcriber = try Self.transcriber.get()

        #expect(
            try await transcriber.transcribe([Float](repeating: 0, count: 800), options: TranscriptionOptions()).isEmpty
        )
    }

    @Test func missingAndNonGgmlModelsAreClearErrors() throws {
        let missing = #expect(throws: MinutesError.self) {
            _ = try WhisperCppTranscriber(modelPath: "/nonexistent/ggml-tiny.en.bin")
        }
        #expect(missing?.code == .notFound)
        #expect(missing?.message.contains("make models") == true)

        let bogus = NSTemporaryDirectory() + "not-a-model-\(UUID().uuidString).bin"
        try Data("this is not a model".utf8).write(to: URL(fileURLWithPath: bogus))
        defer { try? FileManager.default.removeItem(atPath: bogus) }
        let wrong = #expect(throws: MinutesError.self) { _ = try WhisperCppTranscriber(modelPath: bogus) }
        #expect(wrong?.code == .invalidInput)
        #expect(wrong?.message.contains("not a ggml") == true)
    }
}
