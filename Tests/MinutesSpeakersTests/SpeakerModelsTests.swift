import Foundation
import MinutesAudio
import MinutesCore
import MinutesSpeakers
import MinutesSpeech
import MinutesTestSupport
import Testing

/// CAM++ embeddings and the offline diarizer with the committed models.
@Suite(.timeLimit(.minutes(5)))
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

    @Test func tooLittleAudioForAVoicePrintIsAClearError() async throws {
        let embedder = try SherpaSpeakerEmbedder(modelPath: Self.models.embedding)
        let error = await #expect(throws: MinutesError.self) {
            _ = try await embedder.embedding(of: [Float](repeating: 0, count: 400))
        }
        #expect(error?.code == .empty)
    }

    @Test func aSyntheticThreeVoiceMeetingHasThreeSpeakers() async throws {
        let meeting = try await SyntheticMeeting.make(SyntheticMeeting.planningScript, synthesizer: EspeakSynthesizer())
        let diarizer = try SherpaOfflineDiarizer(configuration: .init(models: Self.models))

        let turns = try await diarizer.diarize(meeting.samples, speakerCount: nil)

        #expect(Set(turns.map(\.speaker)).count == 3, "\(turns)")
        let known = try await diarizer.diarize(meeting.samples, speakerCount: 3)
        #expect(Set(known.map(\.speaker)).count == 3)
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
