import Foundation
import MinutesAudio
import MinutesCore
import MinutesSpeech
import MinutesTestSupport
import Testing

@Suite(.hangGuard)
struct LiveCaptionerTests {
    @Test func stableWordsNeedTwoAgreeingDecodesAndNeverChange() {
        var agreement = LocalAgreement()

        #expect(agreement.update(with: ["and", "so", "my"]) == ["and", "so", "my"])
        #expect(agreement.stable.isEmpty)
        #expect(agreement.update(with: ["And", "so,", "my", "fellow"]) == ["fellow"])
        #expect(agreement.stable == ["And", "so,", "my"])
        // A decode that rewrites a stable word does not take it back
        #expect(agreement.update(with: ["and", "sew", "my", "fellow", "Americans"]).isEmpty)
        #expect(agreement.stable == ["And", "so,", "my"])
        // and the next decode is compared with it past the stable words
        #expect(agreement.update(with: ["and", "so", "my", "fellow", "Americans,", "ask"]) == ["ask"])
        #expect(agreement.stable == ["And", "so,", "my", "fellow", "Americans,"])
    }

    @Test func partialsComeEveryIntervalAndTheFinalDecodesTheWholeUtterance() async throws {
        let transcriber = ScriptedTranscriber(answers: [
            "hello", "hello there", "hello there friend", "Hello there, friend.",
        ])
        let captioner = LiveCaptioner(transcriber: transcriber, partialInterval: 1.0)
        await captioner.beginUtterance(at: 42)
        let halfSecond = [Float](repeating: 0.1, count: 8_000)

        var partials: [LiveCaption] = []
        for _ in 0..<6 {
            if let caption = try await captioner.append(halfSecond) { partials.append(caption) }
        }
        let final = try #require(try await captioner.endUtterance())

        #expect(partials.map(\.stableText) == ["", "hello", "hello there"])
        #expect(partials.map(\.text) == ["hello", "hello there", "hello there friend"])
        #expect(partials.allSatisfy { !$0.isFinal && $0.start == 42 })
        #expect(transcriber.callSampleCounts == [16_000, 32_000, 48_000, 48_000])
        #expect(final.isFinal && final.text == "Hello there, friend." && final.utterance == 0)
    }

    @Test func anUtteranceWithoutWordsHasNoFinalCaption() async throws {
        let captioner = LiveCaptioner(transcriber: ScriptedTranscriber(answers: []))
        await captioner.beginUtterance(at: 0)
        _ = try await captioner.append([Float](repeating: 0, count: 4_000))

        #expect(try await captioner.endUtterance() == nil)
    }

    @Test func realSpeechPartialsGrowWithoutRepeatsAndEndInTheFullSentence() async throws {
        let model = WhisperModelFile.path(for: "tiny.en", modelsDirectory: TestData.modelsDirectory)
        let captioner = LiveCaptioner(transcriber: try WhisperCppTranscriber(modelPath: model), partialInterval: 2.0)
        let samples = try AudioFile.load16kMono(TestData.jfk)
        await captioner.beginUtterance(at: 0)

        var partials: [LiveCaption] = []
        var offset = 0
        while offset < samples.count {
            let end = min(samples.count, offset + 8_000)
            if let caption = try await captioner.append(Array(samples[offset..<end])) { partials.append(caption) }
            offset = end
        }
        let final = try #require(try await captioner.endUtterance())

        #expect(partials.count >= 4)
        for (earlier, later) in zip(partials, partials.dropFirst()) {
            #expect(
                later.stableText.hasPrefix(earlier.stableText),
                "stable text changed: \(earlier.stableText) → \(later.stableText)"
            )
        }
        let stableWords = TranscriptNormalizer.words(partials.last?.stableText ?? "")
        #expect(stableWords.count >= 10)
        #expect(TranscriptNormalizer.words(final.text).starts(with: stableWords))
        #expect(TranscriptNormalizer.words(final.text) == TranscriptNormalizer.words(TestData.jfkTranscript))
    }
}
