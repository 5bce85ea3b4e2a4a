import MinutesConsole
import MinutesCore
import Testing

/// The rolling buffer, its windows' time origin and the small meters beside them.
struct LiveAudioBufferTests {
    /// Samples whose value is their session frame, so a slice shows where it came from.
    private static func ramp(from start: Int, count: Int) -> [Float] {
        (start..<(start + count)).map(Float.init)
    }

    @Test func aWindowIsAddressedInSessionTimeLongAfterOldAudioWasForgotten() {
        // Given a buffer of one second that has heard five
        var buffer = LiveAudioBuffer(seconds: 1, sampleRate: 100)
        for second in 0..<5 {
            buffer.append(Self.ramp(from: second * 100, count: 100))
        }

        // When the last half second is asked for by session time
        let window = buffer.window(from: 4.5, to: 5)

        // Then it holds frames 450..<500 and starts at 4.5 s
        #expect(buffer.endTime == 5)
        #expect(window.start == 4.5)
        #expect(window.samples == Self.ramp(from: 450, count: 50))
        #expect(window.end == 5)
    }

    @Test func aWindowReachingBeyondTheHistoryIsClampedAndKeepsItsTrueStart() {
        var buffer = LiveAudioBuffer(seconds: 1, sampleRate: 100)
        for second in 0..<5 {
            buffer.append(Self.ramp(from: second * 100, count: 100))
        }

        // Only the newest second is promised: 4.0 s onwards
        let window = buffer.window(from: 2.0, to: 4.25)
        #expect(window.start == 4.0)
        #expect(window.samples == Self.ramp(from: 400, count: 25))

        // Past the end: empty, placed at the end
        let future = buffer.window(from: 6, to: 7)
        #expect(future.samples.isEmpty && future.start == 5)
        // Reversed: empty
        #expect(buffer.window(from: 4.8, to: 4.6).samples.isEmpty)
    }

    @Test func silenceForADroppedChunkKeepsLaterSamplesAtTheirTime() {
        var buffer = LiveAudioBuffer(seconds: 10, sampleRate: 100)
        buffer.append(Self.ramp(from: 0, count: 100))
        buffer.appendSilence(frames: 50)
        buffer.append(Self.ramp(from: 150, count: 50))

        let window = buffer.window(from: 1.4, to: 1.6)
        #expect(window.samples == [Float](repeating: 0, count: 10) + Self.ramp(from: 150, count: 10))
        #expect(buffer.endFrame == 200)
    }

    @Test func turnsFoundInAWindowBecomeSessionTurns() {
        let window = LiveAudioWindow(start: 61.5, samples: [Float](repeating: 0, count: 32_000))

        let turn = window.sessionTurn(SpeakerTurn(speaker: "0", start: 0.25, end: 1.5))
        let region = window.localRegion(SpeechRegion(start: 62, end: 63))

        #expect(turn == SpeakerTurn(speaker: "0", start: 61.75, end: 63))
        #expect(region == SpeechRegion(start: 0.5, end: 1.5))
        #expect(window.duration == 2 && window.end == 63.5)
    }

    @Test func theLevelMeterReadsDecibelsOncePerInterval() {
        var meter = LiveLevelMeter(floor: -60, interval: 4)

        #expect(meter.add([1, -1]) == nil)
        #expect(meter.add([1, -1]) == 1)
        // -20 dBFS is two thirds up a 60 dB meter; silence is empty
        #expect(abs((meter.add([0.1, -0.1, 0.1, -0.1]) ?? 0) - 2.0 / 3.0) < 1e-6)
        #expect(meter.add([0, 0, 0, 0]) == 0)
        #expect(meter.level(rms: 0.0001) == 0)
        #expect(LiveLevelMeter.rms([0.5, -0.5]) == 0.5 && LiveLevelMeter.rms([]) == 0)
    }

    @Test func arrivalsPlaceAFrameBetweenItsChunksArrivalAndThePreviousOne() {
        var arrivals = LiveChunkArrivals<ContinuousClock.Instant>(capacity: 2)
        let start = ContinuousClock.now
        for chunk in 0..<4 {
            arrivals.record(from: Int64(chunk * 100), to: Int64(chunk * 100 + 100), at: start + .seconds(chunk))
        }

        // The two newest chunks are remembered; the older of them has no predecessor left
        #expect(arrivals.instant(of: 150) == nil)
        #expect(arrivals.instant(of: 250) == start + .seconds(2))
        // A frame a quarter into the newest chunk was heard a quarter of the way between arrivals
        #expect(arrivals.instant(of: 325) == start + .milliseconds(2_250))
        #expect(arrivals.instant(of: 400) == nil)  // not arrived yet
    }

    @Test func keptVoicesHoldOnlyTheNewestSpeechOfEachSpeaker() {
        var voices = LiveVoiceSamples(seconds: 0.5, sampleRate: 10)
        voices.add([1, 2, 3], to: "0")
        voices.add([4, 5, 6], to: "0")
        voices.add([9], to: "1")

        #expect(voices.samples(of: "0") == [2, 3, 4, 5, 6])
        voices.remove("0")
        #expect(voices.samples(of: "0").isEmpty)
        #expect(voices.labels == ["1"])
    }
}
