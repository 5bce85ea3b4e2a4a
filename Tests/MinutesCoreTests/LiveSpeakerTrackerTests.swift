import Foundation
import MinutesCore
import Testing

struct LiveSpeakerTrackerTests {
    private let voiceA: [Float] = [1, 0, 0, 0]
    private let voiceB: [Float] = [0, 1, 0, 0]

    private func near(_ vector: [Float], _ noise: Float) -> [Float] {
        var copy = vector
        copy[2] = noise
        return copy
    }

    @Test func newVoicesAreAnnouncedOnceAndKeepTheirLabels() {
        var tracker = LiveSpeakerTracker(configuration: .init(joinThreshold: 0.5, mergeThreshold: 0.9))

        let first = tracker.assign(voiceA)
        let second = tracker.assign(voiceB)
        let again = tracker.assign(near(voiceA, 0.2))

        #expect(first.events == [.newSpeaker(cluster: "0")])
        #expect(second.events == [.newSpeaker(cluster: "1")])
        #expect(again.cluster == "0" && again.events.isEmpty)
        #expect(tracker.voiceCount == 2)
    }

    @Test func convergingVoicesMergeWithAnExplicitEvent() {
        var tracker = LiveSpeakerTracker(configuration: .init(joinThreshold: 0.95, mergeThreshold: 0.7))
        _ = tracker.assign(voiceA)
        _ = tracker.assign(voiceA)
        // Similar enough to merge, not enough to join at this strict join threshold
        let drifted = tracker.assign([0.8, 0.6, 0, 0])

        #expect(drifted.events.contains(.newSpeaker(cluster: "1")))
        #expect(drifted.events.contains(.merged(cluster: "1", survivor: "0")))
        #expect(drifted.cluster == "0")
        #expect(tracker.resolve("1") == "0")
        #expect(tracker.voiceCount == 1)
    }

    @Test func anEnrolledVoiceIsRecognizedOnce() {
        let ada = SpeakerProfile(
            id: ProfileID(rawValue: "prf_0000000000ad"),
            name: "Ada",
            voicePrints: [voiceB],
            createdAt: .init(timeIntervalSince1970: 0)
        )
        var tracker = LiveSpeakerTracker(matcher: ProfileMatcher(profiles: [ada], threshold: 0.8))

        let first = tracker.assign(voiceB)
        let second = tracker.assign(voiceB)

        #expect(first.events.contains { if case .recognized(_, let match) = $0 { match.name == "Ada" } else { false } })
        #expect(!second.events.contains { if case .recognized = $0 { true } else { false } })
    }
}
