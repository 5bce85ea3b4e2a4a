import Foundation
import MinutesAudio
import MinutesCore
import MinutesSpeakers
import MinutesSpeech
import MinutesTestSupport
import Testing

/// Voice-gated, streaming transcription of files with the real engines.
@Suite(.hangGuard)
struct FileTranscriberTests {
    private static let engines = Result { try makeEngines() }

    private static func makeEngines() throws -> FileTranscriber {
        FileTranscriber(
            transcriber: try WhisperCppTranscriber(
                modelPath: WhisperModelFile.path(for: "tiny.en", modelsDirectory: TestData.modelsDirectory)
            ),
            detector: try SileroVoiceActivityDetector(
                configuration: VoiceActivityConfiguration(modelPath: TestData.modelsDirectory + "/silero_vad.onnx")
            )
        )
    }

    private func temporaryWAV(_ samples: [Float], rate: Int) throws -> String {
        let path = NSTemporaryDirectory() + "minutes-\(UUID().uuidString).wav"
        try WAVWriter.write(samples, to: path, sampleRate: rate)
        return path
    }

    /// Recordings decode with a beam of five, as whisper-cli does, because it gets more words
    /// right: on these clips greedy decoding misses "ill disposed" and "cold hearted".
    @Test func aBeamOfFiveMakesFewerErrorsThanGreedyDecodingOnReadSpeech() async throws {
        let transcriber = try Self.engines.get()
        func errors(beam: Int) async throws -> WordErrorRate {
            var total = WordErrorRate.zero
            for clip in try TestData.librivox() {
                let text = try await transcriber.transcribe(
                    file: clip.path,
                    options: TranscriptionOptions(beamSize: beam)
                ).map(\.text).joined(separator: " ")
                total = total + WordErrorRate.measure(reference: clip.reference, hypothesis: text)
            }
            return total
        }

        let greedy = try await errors(beam: 1)
        let beam = try await errors(beam: 5)

        func count(_ rate: WordErrorRate) -> Int { rate.substitutions + rate.deletions + rate.insertions }
        #expect(count(beam) < count(greedy), "beam \(beam), greedy \(greedy)")
    }

    /// A Zoom-style M4A (AAC) recording is transcribed as its WAV is: word for word, with times.
    @Test func anM4ARecordingIsTranscribedWordForWord() async throws {
        let transcriber = try Self.engines.get()
        let path = try TestData.jfkEncoded(as: "m4a", arguments: ["-c:a", "aac", "-b:a", "64k"])
        defer { try? FileManager.default.removeItem(atPath: path) }

        let segments = try await transcriber.transcribe(file: path, options: TranscriptionOptions())

        let text = segments.map(\.text).joined(separator: " ")
        #expect(TranscriptNormalizer.words(text) == TranscriptNormalizer.words(TestData.jfkTranscript), "\(text)")
        #expect(segments.flatMap(\.words).allSatisfy { $0.end <= 11.2 })
    }

    /// Names and jargon a user lists are spelled as listed: tiny.en alone heard "Shelled on
    /// move the cabernetes cluster to grave in the Loki, and Niame reviewed the deurformed plan".
    ///
    /// It loads its own Whisper: whisper.cpp seeds its first decoder's sampler once per
    /// context, so when a decode falls back to sampling, what it writes depends on the decodes
    /// other tests ran on a shared context before it (on the fresh machine "Xiaobhan").
    @Test func aVocabularyGivesNamesAndJargonTheirSpelling() async throws {
        let transcriber = try Self.makeEngines()
        let sentence = "Siobhan moved the Kubernetes cluster to Grafana Loki, and Niamh reviewed the Terraform plan."
        let speech = try await LocalSynthesizer().synthesize(sentence, voice: "slt")
        let path = try temporaryWAV(
            [Float](repeating: 0, count: 8_000) + speech + [Float](repeating: 0, count: 8_000),
            rate: 16_000
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        func heard(_ prompt: String?) async throws -> String {
            try await transcriber.transcribe(file: path, options: TranscriptionOptions(initialPrompt: prompt))
                .map(\.text).joined(separator: " ")
        }

        let alone = try await heard(nil)
        let prompted = try await heard(
            TranscriptionPrompt(people: ["Siobhan", "Niamh"], vocabulary: ["Kubernetes", "Grafana Loki", "Terraform"])
                .text
        )

        for term in ["Siobhan", "Niamh", "Grafana Loki", "Terraform"] {
            #expect(prompted.contains(term), "\(prompted)")
        }
        #expect(
            WordErrorRate.measure(reference: sentence, hypothesis: prompted).rate
                < WordErrorRate.measure(reference: sentence, hypothesis: alone).rate,
            "alone: \(alone) prompted: \(prompted)"
        )
    }

    @Test(arguments: [0, 9, 100])
    func aBeamOutsideOneToEightIsAClearError(beam: Int) async throws {
        let transcriber = try Self.engines.get()
        await #expect {
            try await transcriber.transcribe(file: TestData.jfk, options: TranscriptionOptions(beamSize: beam))
        } throws: { error in
            (error as? MinutesError)?.message.contains("from 1 to 8") == true
        }
    }

    @Test func speechAfterSilenceKeepsItsWordsAndTimes() async throws {
        let jfk = try AudioFile.load16kMono(TestData.jfk)
        let silence = [Float](repeating: 0, count: 16_000 * 20)
        let path = try temporaryWAV(silence + jfk + silence, rate: 16_000)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let segments = try await Self.engines.get().transcribe(file: path, options: TranscriptionOptions())

        let words = TranscriptNormalizer.words(segments.map(\.text).joined(separator: " "))
        #expect(words == TranscriptNormalizer.words(TestData.jfkTranscript))
        #expect(segments.first.map { $0.start >= 19.5 && $0.start < 21 } == true, "\(segments.map(\.start))")
        #expect(segments.last.map { $0.end <= 31.5 } == true)
    }

    /// A recording shorter than one Whisper window is decoded whole, as whisper-cli does: the
    /// phone call opens with a clipped "Yeah." that a window starting half a second before
    /// the speech voice activity found left out.
    @Test func aShortRecordingKeepsTheWordItOpensWith() async throws {
        let call = TestData.phoneCallDev + "/callfriend-4210.wav"
        let segments = try await Self.engines.get().transcribe(file: call, options: TranscriptionOptions())
        let words = TranscriptNormalizer.words(segments.map(\.text).joined(separator: " "))
        #expect(words.first == "yeah", "\(words.prefix(3))")
        #expect(words.count > 70)
    }

    @Test func aShortRecordingEndingInSilenceEndsWithItsSpeechAndSilenceAloneGivesNothing() async throws {
        let jfk = try AudioFile.load16kMono(TestData.jfk)
        let trailing = try temporaryWAV(jfk + [Float](repeating: 0, count: 16_000 * 14), rate: 16_000)
        let silent = try temporaryWAV([Float](repeating: 0, count: 16_000 * 20), rate: 16_000)
        defer {
            try? FileManager.default.removeItem(atPath: trailing)
            try? FileManager.default.removeItem(atPath: silent)
        }

        let segments = try await Self.engines.get().transcribe(file: trailing, options: TranscriptionOptions())
        #expect(
            TranscriptNormalizer.words(segments.map(\.text).joined(separator: " "))
                == TranscriptNormalizer.words(TestData.jfkTranscript)
        )
        #expect(segments.last.map { $0.end <= Double(jfk.count) / 16_000 + 0.5 } == true)
        #expect(try await Self.engines.get().transcribe(file: silent, options: TranscriptionOptions()).isEmpty)
    }

    @Test func silenceAndQuietNoiseGiveNoText() async throws {
        let quiet = (0..<16_000 * 15).map { _ in Float.random(in: -0.002...0.002) }

        let fromSilence = try await Self.engines.get().transcribe(
            samples: [Float](repeating: 0, count: 16_000 * 15),
            options: TranscriptionOptions()
        )
        let fromNoise = try await Self.engines.get().transcribe(samples: quiet, options: TranscriptionOptions())

        #expect(fromSilence.isEmpty)
        #expect(fromNoise.isEmpty)
    }

    @Test func eightKilohertzPhoneAudioIsTranscribed() async throws {
        let phone = try Resampler.resample(try AudioFile.load16kMono(TestData.jfk), from: 16_000, to: 8_000)
        let path = try temporaryWAV(phone, rate: 8_000)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let segments = try await Self.engines.get().transcribe(file: path, options: TranscriptionOptions())

        let wer = WordErrorRate.measure(
            reference: TestData.jfkTranscript,
            hypothesis: segments.map(\.text).joined(separator: " ")
        )
        #expect(wer.rate <= 0.1, "WER \(wer.rate)")
    }

    @Test func windowsJoinNearbyRegionsAndSplitAtLongPausesOrLength() {
        var windowing = SpeechWindowing(padding: 0.2, maximumLength: 10, maximumGap: 1.5)

        #expect(windowing.add(SpeechRegion(start: 1, end: 3)) == nil)
        #expect(windowing.add(SpeechRegion(start: 4, end: 6)) == nil)
        let closedByPause = windowing.add(SpeechRegion(start: 9, end: 10))
        #expect(closedByPause == SpeechRegion(start: 0.8, end: 6.2))
        let closedByLength = windowing.add(SpeechRegion(start: 10.5, end: 19))
        #expect(closedByLength == SpeechRegion(start: 8.8, end: 10.2))
        #expect(windowing.finish() == SpeechRegion(start: 10.3, end: 19.2))
        #expect(windowing.finish() == nil)
    }
}
