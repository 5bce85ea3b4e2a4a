import Foundation
import MinutesAudio
import MinutesCore
import MinutesSpeakers
import MinutesSpeech
import MinutesTestSupport
import Testing

/// Speaker counts on conversations built from real single-speaker recordings, offline and
/// as the live console labels them.
@Suite(.hangGuard)
struct BuiltConversationTests {
    private static var models: String { TestData.modelsDirectory }

    private static func offlineSpeakers(_ samples: [Float]) async throws -> Set<String> {
        let speakerModels = SpeakerModelFiles(modelsDirectory: models)
        let diarizer = GapFillingDiarizer(
            base: try LocalSpeakerDiarizer(configuration: .init(models: speakerModels)),
            detector: try Self.activity(),
            embedder: try SherpaSpeakerEmbedder(modelPath: speakerModels.embedding)
        )
        let normalized = try LoudnessNormalizer().normalize(samples, sampleRate: 16_000).samples
        return Set(try await diarizer.diarize(normalized, speakerCount: nil).map(\.speaker))
    }

    private static func liveSpeakers(_ samples: [Float]) async throws -> Set<String> {
        let speakerModels = SpeakerModelFiles(modelsDirectory: models)
        var activity = VoiceActivityConfiguration(modelPath: models + "/silero_vad.onnx")
        activity.maximumSpeech = VoiceActivityConfiguration.liveMaximumSpeech
        let live = LiveDiarization(
            detector: try SileroVoiceActivityDetector(configuration: activity),
            embedder: try SherpaSpeakerEmbedder(modelPath: speakerModels.embedding),
            local: try SherpaOfflineDiarizer(configuration: .init(models: speakerModels))
        )
        return Set(try await live.turns(of: samples).map(\.speaker))
    }

    private static func activity() throws -> SileroVoiceActivityDetector {
        try SileroVoiceActivityDetector(
            configuration: VoiceActivityConfiguration(modelPath: models + "/silero_vad.onnx")
        )
    }

    /// Offline the count is exact (sherpa-onnx's turn clustering found four: Kennedy's short
    /// first turn became a voice of its own); the live tracker still counts four, within one.
    @Test func threeRealVoicesTakingTurnsAreCountedExactlyOfflineAndWithinOneLive() async throws {
        // A LibriVox reader, John F. Kennedy and a spontaneous speaker, in turns of about 4 s
        let reader = try TestData.librivox().flatMap { try AudioFile.load16kMono($0.path) }
        let conversation = BuiltConversation.alternating(
            [
                ("reader", reader),
                ("kennedy", try AudioFile.load16kMono(TestData.jfk)),
                ("monologue", try AudioFile.load16kMono(TestData.spontaneousDev + "/monologue-1.wav")),
            ],
            pieceSeconds: 4
        )
        #expect(Set(conversation.turns.map(\.speaker)).count == 3)
        #expect(conversation.turns.count >= 9)

        let offline = try await Self.offlineSpeakers(conversation.samples)
        #expect(offline.count == 3, "\(offline)")
        let live = try await Self.liveSpeakers(conversation.samples)
        #expect((2...4).contains(live.count), "\(live)")
    }

    @Test func oneSpeakerTalkingForNearlyTwoMinutesIsOneSpeakerOfflineAndLive() async throws {
        // The same person off the cuff, once with a cold, each monologue twice: 107 s
        let first = try AudioFile.load16kMono(TestData.spontaneousDev + "/monologue-1.wav")
        let second = try AudioFile.load16kMono(TestData.spontaneousDev + "/monologue-2.wav")
        let pause = [Float](repeating: 0, count: 8_000)
        let samples = first + pause + second + pause + first + pause + second + pause
        #expect(samples.count > 16_000 * 100)

        #expect(try await Self.offlineSpeakers(samples).count == 1)
        #expect(try await Self.liveSpeakers(samples).count == 1)
    }
}
