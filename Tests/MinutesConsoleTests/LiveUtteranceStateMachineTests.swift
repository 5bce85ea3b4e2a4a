import MinutesConsole
import MinutesCore
import Testing

/// When utterances begin and end, from voice activity's view of each 100 ms chunk.
struct LiveUtteranceStateMachineTests {
    @Test func speechBeginsWithPreRollBeforeItsEstimatedOnsetAndEndsWithItsRegion() {
        var machine = LiveUtteranceStateMachine(preRoll: 0.3, detectionDelay: 0.3)

        #expect(machine.chunk(from: 0.9, to: 1.0, closed: [], isSpeaking: false).isEmpty)
        // Detected in the chunk from 1.0 s: the onset was about 0.3 s earlier
        let begun = machine.chunk(from: 1.0, to: 1.1, closed: [], isSpeaking: true)
        #expect(begun.count == 1)
        if case .begin(let from, let to) = begun.first {
            #expect(abs(from - 0.4) < 1e-9 && to == 1.1)
        }
        #expect(machine.chunk(from: 1.1, to: 1.2, closed: [], isSpeaking: true) == [.append])
        let region = SpeechRegion(start: 0.72, end: 2.4)
        #expect(machine.chunk(from: 2.7, to: 2.8, closed: [region], isSpeaking: false) == [.append, .end(region)])
        #expect(!machine.isOpen)
    }

    @Test func aNewUtteranceNeverReachesBackIntoTheLastOne() {
        var machine = LiveUtteranceStateMachine(preRoll: 0.3, detectionDelay: 0.3)
        _ = machine.chunk(from: 1.0, to: 1.1, closed: [], isSpeaking: true)
        let first = SpeechRegion(start: 0.8, end: 2.5)

        // The region closes and speech starts again in the same chunk
        let actions = machine.chunk(from: 2.8, to: 2.9, closed: [first], isSpeaking: true)

        #expect(actions == [.append, .end(first), .begin(from: 2.5, to: 2.9)])
        #expect(machine.isOpen)
    }

    @Test func aRegionOpenedAndClosedBetweenTwoLooksGetsAnUtteranceOfItsOwn() {
        var machine = LiveUtteranceStateMachine(preRoll: 0.3, detectionDelay: 0.3)
        let region = SpeechRegion(start: 3.0, end: 3.5)

        let actions = machine.chunk(from: 3.0, to: 4.0, closed: [region], isSpeaking: false)

        #expect(actions == [.begin(from: 2.7, to: 4.0), .end(region)])
    }

    @Test func speechThatVoiceActivityDropsIsDiscarded() {
        var machine = LiveUtteranceStateMachine()
        _ = machine.chunk(from: 1.0, to: 1.1, closed: [], isSpeaking: true)

        #expect(machine.chunk(from: 1.1, to: 1.2, closed: [], isSpeaking: false) == [.append, .discard])
        #expect(!machine.isOpen)
    }

    @Test func theEndOfInputClosesTheOpenUtteranceWithTheFlushedRegion() {
        var machine = LiveUtteranceStateMachine()
        _ = machine.chunk(from: 1.0, to: 1.1, closed: [], isSpeaking: true)
        let region = SpeechRegion(start: 0.8, end: 1.9)

        #expect(machine.finish(at: 2.0, closed: [region]) == [.end(region)])
        // Without a region, what was open is dropped
        _ = machine.chunk(from: 3.0, to: 3.1, closed: [], isSpeaking: true)
        #expect(machine.finish(at: 3.1, closed: []) == [.discard])
    }
}
