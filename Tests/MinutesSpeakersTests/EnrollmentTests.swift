import Foundation
import MinutesCore
import MinutesSpeakers
import MinutesSpeech
import MinutesTestSupport
import Testing

/// Enrollment and recognition with the real engines: a voice enrolled from one recording is
/// named in a later meeting, and nobody else is.
@Suite(.hangGuard)
struct EnrollmentTests {
    private static let modelsDirectory = TestData.modelsDirectory

    private static func engines() throws -> (VoiceEnrollment, MeetingProcessor) {
        let models = SpeakerModelFiles(modelsDirectory: modelsDirectory)
        let embedder = try SherpaSpeakerEmbedder(modelPath: models.embedding)
        let detector = try SileroVoiceActivityDetector(
            configuration: VoiceActivityConfiguration(modelPath: modelsDirectory + "/silero_vad.onnx")
        )
        let processor = MeetingProcessor(
            diarizer: try SherpaOfflineDiarizer(configuration: .init(models: models, threads: 1)),
            transcriber: try WhisperCppTranscriber(
                modelPath: WhisperModelFile.path(for: "tiny.en", modelsDirectory: modelsDirectory)
            ),
            embedder: embedder,
            detector: detector,
            matcher: ProfileMatcher(profiles: [])
        )
        return (VoiceEnrollment(detector: detector, embedder: embedder), processor)
    }

    /// About 10 s of enrollment speech; `repeats` says it more than once, for voices that voice
    /// activity hears only in part (espeak-ng's whisper, of which Silero heard 3.8 to 8 s
    /// depending on what the process synthesized before).
    private static func sample(_ voice: String, repeats: Int = 1) async throws -> [Float] {
        let text =
            "Hello, this is a recording of my voice for the meeting assistant. I usually talk about budgets, "
            + "schedules and the roadmap for the next quarter, and I will be in most of the weekly meetings."
        return try await EspeakSynthesizer().synthesize(
            Array(repeating: text, count: repeats).joined(separator: " "),
            voice: voice
        )
    }

    @Test func anEnrolledVoiceIsNamedInALaterMeetingAndAStrangerIsNot() async throws {
        let (enrollment, baseProcessor) = try Self.engines()
        let alice = SpeakerProfile(
            id: ProfileID(rawValue: "prf_0000000000a1"),
            name: "Alice",
            voicePrints: try await enrollment.voicePrints(from: [try await Self.sample("en-us+f3")]),
            createdAt: Date()
        )
        let stranger = SpeakerProfile(
            id: ProfileID(rawValue: "prf_0000000000b2"),
            name: "Stranger",
            voicePrints: try await enrollment.voicePrints(from: [try await Self.sample("en+whisper", repeats: 2)]),
            createdAt: Date()
        )
        var processor = baseProcessor
        // espeak-ng's voices resemble one another more than people do (CAM++ cosine up to
        // 0.58 between different voices), so this synthetic test names voices at 0.7 rather
        // than the 0.55 calibrated on real meetings.
        processor.matcher = ProfileMatcher(profiles: [alice, stranger], threshold: 0.7)
        let meeting = try await SyntheticMeeting.make(SyntheticMeeting.planningScript, synthesizer: EspeakSynthesizer())

        let result = try await processor.process(meeting.samples, speakerCount: nil, options: TranscriptionOptions())

        #expect(result.matches.values.map(\.name) == ["Alice"], "\(result.matches)")
        let aliceCluster = try #require(result.matches.first?.key)
        let aliceWords = result.segments.filter { $0.cluster == aliceCluster }.map(\.text).joined(separator: " ")
        #expect(aliceWords.lowercased().contains("release"), "\(aliceWords)")
        #expect(result.matches.first.map { $0.value.confidence >= 0.7 } == true)
        #expect(result.timings.map(\.stage) == [.diarize, .match, .transcribe])
    }

    @Test func enrollmentWithTooLittleSpeechSaysHowMuchWasFound() async throws {
        let (enrollment, _) = try Self.engines()
        let short = try await EspeakSynthesizer().synthesize("Hi there.", voice: "en-us")

        let error = await #expect(throws: MinutesError.self) { _ = try await enrollment.voicePrints(from: [short]) }

        #expect(error?.code == .empty)
        #expect(error?.message.contains("needs at least 5 s") == true)
        #expect(error?.message.contains("found 0.") == true || error?.message.contains("found 1.") == true)
    }
}
