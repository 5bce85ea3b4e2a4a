import Foundation
import MinutesAudio
import MinutesCore
import MinutesTestSupport
import Synchronization
import Testing

struct ReplaySourceTests {
    @Test(.hangGuard)
    func deliversTheFileAtRealTimePace() async throws {
        // Given 0.55 s of 16 kHz audio
        let directory = try TemporaryDirectory()
        let samples = Signal.whiteNoise(count: 8_800, seed: 3)
        let path = try directory.write(WAVBytes.file(samples, encoding: .float32), to: "r.wav")
        let clock = SteppingClock()
        let source = try ReplaySource(path: path, speed: 1, clock: clock)

        // When it is replayed
        let chunks = await CaptureRun.collect(source)

        // Then each chunk was due when its last sample would have been captured
        #expect(chunks.map(\.samples.count) == [1_600, 1_600, 1_600, 1_600, 1_600, 800])
        #expect(chunks.map(\.startFrame) == (0..<6).map { Int64($0 * 1_600) })
        let identical = chunks.flatMap(\.samples) == samples
        #expect(identical, "the replayed samples differ from the file's")
        #expect(clock.deadlines == [100, 200, 300, 400, 500, 550].map { Duration.milliseconds($0) })
        #expect(source.statistics.producedChunks == 6)
        #expect(source.statistics.droppedChunks == 0)
        #expect(source.statistics.ending == .endOfInput)
        #expect(source.duration == 0.55)
    }

    @Test(.hangGuard)
    func replaysFasterAtHigherSpeed() async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            WAVBytes.file([Float](repeating: 0.25, count: 6_400), encoding: .int16),
            to: "r.wav"
        )
        let clock = SteppingClock()
        let source = try ReplaySource(path: path, speed: 2.5, clock: clock)

        let chunks = await CaptureRun.collect(source)

        #expect(chunks.count == 4)
        let expected = [40, 80, 120, 160].map { Duration.milliseconds($0) }
        #expect(clock.deadlines.count == expected.count)
        #expect(zip(clock.deadlines, expected).allSatisfy { $0 - $1 < .microseconds(1) && $1 - $0 < .microseconds(1) })
    }

    @Test(.hangGuard)
    func resamplesLikeTheFileStream() async throws {
        // Given 44.1 kHz stereo, which the live path must turn into the same 16 kHz mono chunks
        let directory = try TemporaryDirectory()
        let left = Signal.sine(frequency: 300, rate: 44_100, seconds: 0.7)
        let right = Signal.sine(frequency: 900, rate: 44_100, seconds: 0.7, amplitude: 0.2)
        let path = try directory.write(
            WAVBytes.file(zip(left, right).flatMap { [$0, $1] }, encoding: .int16, channels: 2, rate: 44_100),
            to: "s.wav"
        )
        var expected: [AudioChunk] = []
        try AudioFileStream(path: path).forEachChunk { expected.append($0) }

        let chunks = await CaptureRun.collect(try ReplaySource(path: path, speed: 1, clock: SteppingClock()))

        #expect(chunks.map(\.startFrame) == expected.map(\.startFrame))
        let identical = chunks == expected
        #expect(identical, "the replayed chunks differ from the file stream's")
        #expect(chunks.allSatisfy { $0.sampleRate == 16_000 })
    }

    @Test(.hangGuard, arguments: [0, Double.infinity])
    func unpacedReplayIsLosslessForASlowConsumer(speed: Double) async throws {
        // Given 3 s of audio and a stream that holds a single chunk
        let directory = try TemporaryDirectory()
        let samples = Signal.whiteNoise(count: 48_000, seed: 11)
        let path = try directory.write(WAVBytes.file(samples, encoding: .float32), to: "f.wav")
        let clock = SteppingClock()
        let source = try ReplaySource(path: path, speed: speed, clock: clock, bufferedChunks: 1)
        #expect(!source.isPaced)

        // When a slow consumer reads it
        let chunks = await CaptureRun.collect(source, yieldsPerChunk: 5)

        // Then every chunk arrived, in order, and none was paced
        let identical = chunks.flatMap(\.samples) == samples
        #expect(identical, "the replayed samples differ from the file's")
        #expect(source.statistics.droppedChunks == 0)
        #expect(source.statistics.producedChunks == 30)
        #expect(clock.deadlines.allSatisfy { $0 <= .milliseconds(2) * clock.deadlines.count })
    }

    @Test(.hangGuard)
    func pausesMidStreamAndPacesFromTheResume() async throws {
        // Given a replay that is paused while its third chunk is due
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            WAVBytes.file(Signal.whiteNoise(count: 8_000, seed: 5), encoding: .float32),
            to: "p.wav"
        )
        let clock = SteppingClock()
        let source = try ReplaySource(path: path, speed: 1, clock: clock)
        clock.onSleep { count in
            if count == 3 {
                source.pause()
            }
        }

        let chunks = await CaptureRun.collect(source) {
            // When it has paused
            while !source.statistics.isPaused, !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(1))
            }
            // Then the chunk in flight was delivered and no more follow while paused
            for _ in 0..<20 {
                await Task.yield()
            }
            #expect(source.statistics.producedChunks == 3)
            // And after ten seconds, resuming continues from the fourth chunk, paced from then
            clock.advance(by: .seconds(10))
            source.resume()
        }
        #expect(chunks.map(\.startFrame) == (0..<5).map { Int64($0 * 1_600) })
        #expect(clock.deadlines == [100, 200, 300, 10_400, 10_500].map { Duration.milliseconds($0) })
        #expect(source.statistics.isPaused == false)
        #expect(source.statistics.ending == .endOfInput)
    }

    @Test(.hangGuard)
    func stopEndsTheStream() async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            WAVBytes.file([Float](repeating: 0, count: 16_000), encoding: .int16),
            to: "s.wav"
        )
        let source = try ReplaySource(path: path, speed: 1, clock: SteppingClock())

        let count = await withTaskGroup(of: Int.self) { group in
            group.addTask {
                await source.run()
                return 0
            }
            var count = 0
            for await _ in source.chunks {
                count += 1
                if count == 2 {
                    source.stop()
                }
            }
            await group.waitForAll()
            return count
        }

        #expect(count >= 2)
        #expect(count < 10)
        #expect(source.statistics.ending == .stopped)
    }

    @Test(.hangGuard)
    func aCancelledConsumerStopsTheReplay() async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            WAVBytes.file([Float](repeating: 0, count: 16_000), encoding: .int16),
            to: "c.wav"
        )
        let source = try ReplaySource(path: path, speed: 1, clock: SteppingClock())

        await withTaskGroup(of: Void.self) { group in
            group.addTask { await source.run() }
            group.addTask {
                for await _ in source.chunks {
                    withUnsafeCurrentTask { $0?.cancel() }
                }
            }
            await group.waitForAll()
        }

        #expect(source.statistics.ending == .stopped)
        #expect(source.statistics.producedChunks < 10)
    }

    @Test func rejectsANegativeSpeedAndAMissingFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(WAVBytes.file([0.1], encoding: .int16), to: "x.wav")
        #expect(throws: MinutesError(.invalidInput, "")) {
            try ReplaySource(path: path, speed: -1, clock: SteppingClock())
        }
        #expect(throws: MinutesError(.invalidInput, "")) {
            try ReplaySource(path: directory.file("missing.wav"), speed: 1, clock: SteppingClock())
        }
    }
}

/// A clock that stands still until something sleeps on it (it jumps to the deadline at once) or a
/// test advances it, and records every deadline, so pacing is checked without waiting.
final class SteppingClock: Clock {
    struct Instant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private struct State {
        var now = Instant(offset: .zero)
        var deadlines: [Duration] = []
        var onSleep: (@Sendable (Int) -> Void)?
    }

    private let state = Mutex(State())

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .zero }

    /// Every deadline slept until, as offsets from the clock's start.
    var deadlines: [Duration] { state.withLock { $0.deadlines } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        let (count, hook) = state.withLock { state in
            state.deadlines.append(deadline.offset)
            state.now = max(state.now, deadline)
            return (state.deadlines.count, state.onSleep)
        }
        hook?(count)
        await Task.yield()
    }

    /// Moves the clock forward by `duration`.
    func advance(by duration: Duration) {
        state.withLock { $0.now = $0.now.advanced(by: duration) }
    }

    /// Calls `hook` with the sleep's number (from 1) at every sleep.
    func onSleep(_ hook: @escaping @Sendable (Int) -> Void) {
        state.withLock { $0.onSleep = hook }
    }
}
