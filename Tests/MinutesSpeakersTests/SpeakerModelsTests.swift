import Foundation
import MinutesAudio
import MinutesCore
import MinutesSpeakers
import MinutesSpeech
import MinutesTestSupport
import Testing

/// CAM++ embeddings and the offline diarizer with the committed models.
@Suite(.hangGuard)
struct SpeakerModelsTests {
    private static var models: SpeakerModelFiles { SpeakerModelFiles(modelsDirectory: TestData.modelsDirectory) }

    private static func speech(_ text: String, voice: String) async throws -> [Float] {
        try await EspeakSynthesizer().synthesize(text, voice: voice)
    }

    @Test func theSameVoiceIsCloserThanADifferentOne() async throws {
        let embedder = try SherpaSpeakerEmbedder(modelPath: Self.models.embedding)
        let first = try await embedder.embedding(
            of: try await Self.speech("The budget for next quarter needs another review.", voice: "en-us+m3")
        )
        let same = try await embedder.embedding(
            of: try await Self.speech("Please send me the slides before the meeting on Thursday.", voice: "en-us+m3")
        )
        let other = try await embedder.embedding(
            of: try await Self.speech(
                "Please send me the slides before the meeting on Thursday.",
                voice: "en-gb-scotland+f4"
            )
        )

        #expect(embedder.dimension == 192 && first.count == 192)
        #expect(VoicePrint.cosine(first, same) > VoicePrint.cosine(first, other) + 0.1)
    }

    @Test func realMeetingSpeakersAreSeparable() async throws {
        // Two turns of each of two reference speakers in a real recording of the dev set.
        let embedder = try SherpaSpeakerEmbedder(modelPath: Self.models.embedding)
        let samples = try AudioFile.load16kMono(TestData.diarizationDev + "/trn00.wav")
        func clip(_ start: Double, _ end: Double) -> [Float] { Array(samples[Int(start * 16_000)..<Int(end * 16_000)]) }
        let speakerA1 = try await embedder.embedding(of: clip(11.1, 15.6))
        let speakerA2 = try await embedder.embedding(of: clip(21.5, 25.8))
        let speakerB = try await embedder.embedding(of: clip(25.1, 27.4))

        #expect(VoicePrint.cosine(speakerA1, speakerA2) > VoicePrint.cosine(speakerA1, speakerB))
    }

    @Test func longSpeechIsPrintedInPiecesOfAtMostTenSeconds() async throws {
        let embedder = try SherpaSpeakerEmbedder(modelPath: Self.models.embedding)
        let samples = Array(try AudioFile.load16kMono(TestData.diarizationDev + "/trn03.wav").prefix(16_000 * 25))

        let whole = try await embedder.embedding(of: samples)
        // 25 s is three pieces of 8.3 s, each printed alone and pooled by length.
        let third = samples.count / 3
        var pieces: [[Float]] = []
        for index in 0..<3 {
            pieces.append(try await embedder.embedding(of: Array(samples[(third * index)..<(third * (index + 1))])))
        }

        // Printed whole, 25 s would give a vector of its own, not the pooled one.
        #expect(VoicePrint.cosine(whole, VoicePrint.centroid(pieces)) > 0.9999)
    }

    @Test func tooLittleAudioForAVoicePrintIsAClearError() async throws {
        let embedder = try SherpaSpeakerEmbedder(modelPath: Self.models.embedding)
        let error = await #expect(throws: MinutesError.self) {
            _ = try await embedder.embedding(of: [Float](repeating: 0, count: 400))
        }
        #expect(error?.code == .empty)
    }

    /// A real excerpt of the dev set with its reference turns.
    private static func devExcerpt(_ fileID: String) throws -> (samples: [Float], reference: [RTTM.Turn]) {
        let samples = try AudioFile.load16kMono(TestData.diarizationDev + "/\(fileID).wav")
        let rttm = try RTTM.parse(try String(contentsOfFile: TestData.diarizationDev + "/train.rttm", encoding: .utf8))
        return (samples, try #require(rttm[fileID]))
    }

    @Test func aRealThreePersonExcerptToldTheCountFindsThreeSpeakers() async throws {
        // trn06 of the dev set: three people, some crosstalk. Real recordings, not espeak-ng
        // voices: the shared synthesizer's output drifts with what it spoke before (its pitch
        // flutter runs on across calls), and its voices are close enough for that drift to
        // merge two of them now and then; a file on disk gives the same input every run.
        let (samples, reference) = try Self.devExcerpt("trn06")
        // One thread: ONNX Runtime's multi-threaded reductions vary in the last bits between runs.
        let diarizer = try SherpaOfflineDiarizer(configuration: .init(models: Self.models, threads: 1))

        let turns = try await diarizer.diarize(samples, speakerCount: 3)

        #expect(Set(turns.map(\.speaker)).count == 3, "\(turns)")
        // Measured 8.1 %; the bound leaves room for one short turn.
        let score = try DiarizationScore.measure(reference: reference, hypothesis: turns)
        #expect(score.errorRate < 0.15, "DER \(score.errorRate)")
    }

    @Test func aRealTwoPersonExcerptIsDiarizedAlmostPerfectly() async throws {
        // trn03 of the dev set: two speakers taking turns, no crosstalk.
        let (samples, reference) = try Self.devExcerpt("trn03")
        let diarizer = try SherpaOfflineDiarizer(configuration: .init(models: Self.models))

        let turns = try await diarizer.diarize(samples, speakerCount: nil)

        #expect(Set(turns.map(\.speaker)).count == 2)
        #expect(try DiarizationScore.measure(reference: reference, hypothesis: turns).errorRate < 0.05)
    }

    @Test func turnsEndWithinAClipCutMidSpeech() async throws {
        // The segmentation model works on 10 s windows and pads the last one; speech running
        // to the cut must not be reported past it.
        for cut in [12.3, 17.75, 25.1] {
            let samples = Array(try Self.devExcerpt("trn06").samples.prefix(Int(cut * 16_000)))
            let diarizer = try SherpaOfflineDiarizer(configuration: .init(models: Self.models))

            let turns = try await diarizer.diarize(samples, speakerCount: nil)

            #expect(!turns.isEmpty)
            #expect(turns.allSatisfy { $0.start >= 0 && $0.start < $0.end && $0.end <= cut }, "\(cut): \(turns)")
        }
    }

    @Test func missingModelsAndTooShortAudio() async throws {
        let missing = #expect(throws: MinutesError.self) {
            _ = try SherpaOfflineDiarizer(
                configuration: .init(models: SpeakerModelFiles(modelsDirectory: "/nonexistent"))
            )
        }
        #expect(missing?.message.contains("make models") == true)
        let diarizer = try SherpaOfflineDiarizer(configuration: .init(models: Self.models))
        #expect(try await diarizer.diarize([Float](repeating: 0, count: 4_000), speakerCount: nil).isEmpty)
        #expect(try await diarizer.diarize([Float](repeating: 0, count: 16_000 * 5), speakerCount: nil).isEmpty)
    }
}
