import MinutesCore
import Testing

/// Turns rebuilt from overlapping segmentation windows and the clusters of their local speakers.
struct LocalSpeakerReconstructionTests {
    /// A 4-second window of 0.1 s frames starting at `start`; `masks` gives each frame's mask.
    private static func window(_ start: Double, _ masks: (Int) -> UInt8) -> LocalSpeakerWindow {
        LocalSpeakerWindow(start: start, frameStep: 0.1, frames: (0..<40).map(masks))
    }

    @Test func overlappingWindowsWithSwappedLocalNumbersGiveOneTimeline() {
        // Speaker A talks 0–3 s, B 3–6 s. Window one (0–4 s) calls A local 0, B local 1;
        // window two (2–6 s) calls B local 0 and A local 1.
        let first = Self.window(0) { $0 < 30 ? 0b01 : 0b10 }
        let second = Self.window(2) { $0 < 10 ? 0b10 : 0b01 }
        let turns = LocalSpeakerReconstruction.turns(
            windows: [first, second],
            labels: [[0: 0, 1: 1], [0: 1, 1: 0]],
            duration: 6,
            minimumTurn: 0.3,
            minimumGap: 0.5
        )
        #expect(turns.count == 2)
        #expect(turns[0].speaker == "0" && abs(turns[0].start) < 0.02 && abs(turns[0].end - 3) < 0.02)
        #expect(turns[1].speaker == "1" && abs(turns[1].start - 3) < 0.02 && abs(turns[1].end - 6) < 0.02)
    }

    @Test func overlapGivesBothVoicesAndShortPausesAreClosed() {
        // Local 0 talks throughout but pauses 0.3 s at 1 s; local 1 joins for 2–3 s.
        let window = Self.window(0) { frame in
            let first: UInt8 = (10..<13).contains(frame) ? 0 : 0b01
            let second: UInt8 = (20..<30).contains(frame) ? 0b10 : 0
            return first | second
        }
        let turns = LocalSpeakerReconstruction.turns(
            windows: [window],
            labels: [[0: 0, 1: 1]],
            duration: 4,
            minimumTurn: 0.3,
            minimumGap: 0.5
        )
        #expect(turns.map(\.speaker) == ["0", "1"])
        #expect(abs(turns[0].end - 4) < 0.02)
        #expect(abs(turns[1].start - 2) < 0.02 && abs(turns[1].end - 3) < 0.02)
    }

    @Test func nothingIsPlacedPastTheEndOrForAnUnclusteredSpeakerAlone() {
        let window = Self.window(0) { _ in 0b01 }
        let turns = LocalSpeakerReconstruction.turns(
            windows: [window],
            labels: [[0: 0]],
            duration: 2.5,
            minimumTurn: 0.3,
            minimumGap: 0.5
        )
        #expect(turns == [SpeakerTurn(speaker: "0", start: 0, end: 2.5)])
        let unlabelled = LocalSpeakerReconstruction.turns(
            windows: [window],
            labels: [[:]],
            duration: 4,
            minimumTurn: 0.3,
            minimumGap: 0.5
        )
        #expect(unlabelled.isEmpty)
    }

    @Test func printFramesPreferSoloSpeechWhenThereIsEnough() {
        // Local 0 alone for 25 frames, with local 1 for 10 more.
        let window = Self.window(0) { $0 < 25 ? 0b01 : ($0 < 35 ? 0b11 : 0) }
        #expect(window.localSpeakers == [0, 1])
        #expect(window.printFrames(of: 0) == Array(0..<25))
        // Local 1 never talks alone: every frame where it talks.
        #expect(window.printFrames(of: 1) == Array(25..<35))
        #expect(window.samples(of: 10) == 16_000..<17_600)
    }
}
