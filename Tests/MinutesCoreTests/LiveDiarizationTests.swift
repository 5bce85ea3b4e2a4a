import MinutesCore
import MinutesTestSupport
import Synchronization
import Testing

/// One utterance labelled as the console, the service's session appends and `eval --live` do.
@Suite(.hangGuard)
struct LiveDiarizationTests {
    /// Ten seconds of audio with an utterance from 4 s to 5 s.
    private static let recording = [Float](repeating: 0.1, count: 160_000)
    private static let utterance = SpeechRegion(start: 4, end: 5)

    @Test func theModelsHearTheContextAndAnUnsplitUtteranceKeepsItsOwnRegion() async throws {
        // Given a segmentation model that finds no turn in the utterance
        let local = HeardLengths(turns: [])
        let labeller = LiveDiarization(detector: NoVoiceActivity(), embedder: FlatEmbedder(), local: local)
        var tracker = LiveSpeakerTracker()

        // When it is labelled
        let turns = try await labeller.label(Self.utterance, in: Self.recording, previous: nil, tracker: &tracker)

        // Then the models heard a second of context on each side, but the turn is the utterance's
        #expect(local.heard == [3 * 16_000])
        #expect(turns.map(\.start) == [4] && turns.map(\.end) == [5])
    }

    @Test func turnsTheModelFindsAreInSessionTimeAndTheContextStopsAtTheEdges() async throws {
        // Given an utterance at the very start, and a model finding a turn 0.5 s into what it hears
        let local = HeardLengths(turns: [SpeakerTurn(speaker: "0", start: 0.5, end: 1.5)])
        let labeller = LiveDiarization(detector: NoVoiceActivity(), embedder: FlatEmbedder(), local: local)
        var tracker = LiveSpeakerTracker()

        let turns = try await labeller.label(
            SpeechRegion(start: 0.2, end: 1.2),
            in: Self.recording,
            previous: nil,
            tracker: &tracker
        )

        // Then the context starts at 0, and the turn is placed from there
        #expect(local.heard == [Int(2.2 * 16_000)])
        #expect(turns.map(\.start) == [0.5] && turns.map(\.end) == [1.5])
    }
}

/// Returns fixed turns and records how many samples each call heard.
private final class HeardLengths: Diarizer {
    private let turns: [SpeakerTurn]
    private let lengths = Mutex([Int]())

    init(turns: [SpeakerTurn]) {
        self.turns = turns
    }

    var heard: [Int] { lengths.withLock { $0 } }

    func diarize(_ samples: [Float], speakerCount: Int?) async throws -> [SpeakerTurn] {
        lengths.withLock { $0.append(samples.count) }
        return turns
    }
}

/// Every voice the same print.
private struct FlatEmbedder: SpeakerEmbedder {
    let dimension = 2
    func embedding(of samples: [Float]) async throws -> [Float] { [1, 0] }
}

/// Hears nothing: ``LiveDiarization/label(_:in:previous:tracker:)`` is given its utterance.
private struct NoVoiceActivity: VoiceActivityDetector {
    func speechRegions(in samples: [Float]) async throws -> [SpeechRegion] { [] }
    func makeStream() throws -> any SpeechRegionStream {
        throw MinutesError(.unavailable, "these tests give each utterance directly")
    }
}
