import CWhisper
import Foundation
import MinutesCore
import MinutesSpeakers
import MinutesTestSupport
import Testing

@testable import MinutesSpeech

/// Word times of a prompted decode, which is how recorded meetings are decoded once people
/// are enrolled: the words must be timed where they are spoken, or they go to the wrong person.
@Suite(.hangGuard)
struct WordTimingTests {
    @Test func wordsAlignedByAttentionStayInTheirSpeakersTurnsUnderAPrompt() async throws {
        // Given the demo meeting and a prompt with its people and a term
        let meeting = try await SyntheticMeeting.make(SyntheticMeeting.demoScript, synthesizer: LocalSynthesizer())
        let models = TestData.modelsDirectory
        let transcriber = FileTranscriber(
            transcriber: try WhisperCppTranscriber(
                modelPath: WhisperModelFile.path(for: "tiny.en", modelsDirectory: models),
                wordTiming: .attentionAlignment
            ),
            detector: try SileroVoiceActivityDetector(
                configuration: VoiceActivityConfiguration(modelPath: models + "/silero_vad.onnx")
            )
        )
        var options = TranscriptionOptions(beamSize: TranscriptionOptions.accurateBeamSize)
        options.initialPrompt =
            TranscriptionPrompt(people: ["Alice", "Bob", "Dan"], vocabulary: ["release notes"]).text

        // When it is transcribed
        let words = try await transcriber.transcribe(samples: meeting.samples, options: options).flatMap(\.words)

        // Then nearly every word is timed inside the turn of the person who says it
        let placed = Self.wordsInTheirTurns(words, meeting: meeting)
        #expect(placed.total >= 80, "heard \(placed.total) of the script's words")
        #expect(
            Double(placed.inside) >= 0.9 * Double(placed.total),
            "\(placed.inside) of \(placed.total) in their turn"
        )
    }

    /// The heard words matched in order to the script's, and how many of those fall (by their
    /// middle) in the turn of the script's speaker, or nearest it when between turns.
    static func wordsInTheirTurns(_ words: [Word], meeting: SyntheticMeeting) -> (inside: Int, total: Int) {
        let script = meeting.turns.flatMap { turn in TranscriptNormalizer.words(turn.text).map { (turn, $0) } }
        var next = 0
        var inside = 0
        var total = 0
        for word in words {
            guard let heard = TranscriptNormalizer.words(word.text).first,
                let match = script[next...].firstIndex(where: { $0.1 == heard })
            else { continue }
            next = match + 1
            total += 1
            let middle = (word.start + word.end) / 2
            let nearest = meeting.turns.min { distance($0, middle) < distance($1, middle) }
            if nearest == script[match].0 { inside += 1 }
        }
        return (inside, total)
    }

    private static func distance(_ turn: SyntheticMeeting.ReferenceTurn, _ time: Double) -> Double {
        time < turn.start ? turn.start - time : max(0, time - turn.end)
    }
}

/// Which of whisper.cpp's alignment-head presets a model file gets.
struct AlignmentHeadsTests {
    @Test func modelFilesGetTheirOwnModelsAlignmentHeads() {
        #expect(WhisperWordTiming.alignmentHeads(forModelFile: "ggml-tiny.en.bin") == WHISPER_AHEADS_TINY_EN)
        #expect(WhisperWordTiming.alignmentHeads(forModelFile: "ggml-base.bin") == WHISPER_AHEADS_BASE)
        #expect(WhisperWordTiming.alignmentHeads(forModelFile: "ggml-small.en-q5_1.bin") == WHISPER_AHEADS_SMALL_EN)
        #expect(
            WhisperWordTiming.alignmentHeads(forModelFile: "ggml-large-v3-turbo-q8_0.bin")
                == WHISPER_AHEADS_LARGE_V3_TURBO
        )
        #expect(WhisperWordTiming.alignmentHeads(forModelFile: "my-finetune.bin") == nil)
    }
}
