import MinutesCore
import Synchronization

/// Replays a WAV file as if it were being captured live: 100 ms chunks of 16 kHz mono at
/// real-time pace, through the same kind of stream as ``ALSACaptureSource``.
///
/// `minutes --replay FILE [--speed X]` uses it to run the whole live pipeline (captions,
/// speakers, the recorder) on a recording, and tests use it with an injected clock so they do
/// not wait in real time. Each chunk is delivered when its last sample would have been
/// captured, measured from the start (or the last resume) on the clock, so pacing does not drift
/// however long the file is.
///
/// At a finite `speed` the stream drops the oldest chunks for a slow consumer, exactly as live
/// capture does. At `speed` 0 or infinity there is no pace to keep, so the file is replayed as
/// fast as the consumer takes it, losslessly: the stream keeps the oldest chunks and the source
/// waits and retries when it is full, instead of discarding audio it could simply hold back.
///
/// Pausing stops the file where it is; resuming continues from there, paced from the moment of
/// the resume (the paused time is not made up with a burst).
public final class ReplaySource<C: Clock>: CaptureSource where C.Duration == Duration {
    public let chunks: AsyncStream<AudioChunk>
    public let path: String
    /// How many times faster than real time; 0 or infinity for as fast as possible.
    public let speed: Double
    public let sampleRate: Int
    /// The file's length in seconds, when its header gives it.
    public let duration: Double?

    /// How long an unpaced replay waits before offering a chunk again to a full stream.
    private static var retryInterval: Duration { .milliseconds(2) }

    private let continuation: AsyncStream<AudioChunk>.Continuation
    private let clock: C
    private let state: Mutex<State>

    private struct State {
        enum Phase { case idle, running, finished }
        var phase = Phase.idle
        /// The file, until the replay ends.
        var file: AudioFileStream?
        var stopRequested = false
        var pauseRequested = false
        /// The replay task, suspended while paused.
        var pausedWaiter: CheckedContinuation<Void, Never>?
        var statistics = CaptureStatistics()
    }

    /// Opens `path` for replay at `speed` × real time on `clock`.
    ///
    /// - Parameters:
    ///   - path: A recording ``AudioFileStream`` reads (WAV, or any format FFmpeg decodes), at any rate.
    ///   - speed: 1 for real time, 2 for twice as fast; 0 or `.infinity` for as fast as possible.
    ///   - clock: The clock that paces the replay (a test clock in tests).
    ///   - chunkFrames: Samples per chunk at `sampleRate`.
    ///   - sampleRate: The rate of the chunks.
    ///   - bufferedChunks: Chunks the stream holds for a slow consumer.
    /// - Throws: `MinutesError(.invalidInput)` when the file cannot be read, or `speed` is negative
    ///   or not a number.
    public init(
        path: String,
        speed: Double = 1,
        clock: C,
        chunkFrames: Int = 1_600,
        sampleRate: Int = 16_000,
        bufferedChunks: Int = 50
    ) throws {
        guard speed >= 0 else {
            throw MinutesError(.invalidInput, "the replay speed must be 0 (as fast as possible) or more, not \(speed)")
        }
        guard bufferedChunks > 0 else {
            throw MinutesError(.invalidInput, "the replay must buffer at least one chunk, not \(bufferedChunks)")
        }
        let file = try AudioFileStream(path: path, chunkFrames: chunkFrames, sampleRate: sampleRate)
        self.path = path
        self.speed = speed
        self.clock = clock
        self.sampleRate = sampleRate
        duration = file.duration
        state = Mutex(State(file: file))
        let isPaced = speed > 0 && speed.isFinite
        (chunks, continuation) = AsyncStream.makeStream(
            of: AudioChunk.self,
            bufferingPolicy: isPaced ? .bufferingNewest(bufferedChunks) : .bufferingOldest(bufferedChunks)
        )
        continuation.onTermination = { [weak self] _ in
            self?.stop()
        }
    }

    /// Whether chunks are delivered at a pace (a finite, positive speed).
    public var isPaced: Bool { speed > 0 && speed.isFinite }

    public var statistics: CaptureStatistics { state.withLock { $0.statistics } }

    public func run() async {
        let start = state.withLock { state -> Bool in
            guard state.phase == .idle else { return false }
            state.phase = .running
            return true
        }
        guard start else { return }
        let ending = await withTaskCancellationHandler {
            await replay()
        } onCancel: {
            stop()
        }
        state.withLock { state in
            state.phase = .finished
            state.file = nil
            state.statistics.ending = ending
            state.statistics.isPaused = false
        }
        continuation.finish()
    }

    public func pause() {
        state.withLock { $0.pauseRequested = true }
    }

    public func resume() {
        let waiter = state.withLock { state in
            state.pauseRequested = false
            defer { state.pausedWaiter = nil }
            return state.pausedWaiter
        }
        waiter?.resume()
    }

    /// Ends the replay after the chunk in flight; a replay that never ran ends at once.
    public func stop() {
        let (waiter, endNow) = state.withLock { state in
            state.stopRequested = true
            defer { state.pausedWaiter = nil }
            let endNow = state.phase == .idle
            if endNow {
                state.phase = .finished
                state.file = nil
                state.statistics.ending = .stopped
            }
            return (state.pausedWaiter, endNow)
        }
        waiter?.resume()
        if endNow {
            continuation.finish()
        }
    }

    private func replay() async -> CaptureEnding {
        // Chunk n is due when its last sample would have been captured: `origin` plus the audio
        // from `originFrame` to its end, divided by the speed.
        var origin = clock.now
        var originFrame: Int64 = 0
        var nextFrame: Int64 = 0
        while true {
            switch await waitWhilePaused() {
            case .stop:
                return .stopped
            case .resumed:
                origin = clock.now
                originFrame = nextFrame
            case .proceed:
                break
            }

            let next: AudioChunk?
            do {
                next = try state.withLock { try $0.file?.next() }
            } catch {
                return .failed(
                    error as? MinutesError ?? MinutesError(.invalidInput, "cannot replay '\(path)': \(error)")
                )
            }
            guard let chunk = next else { return .endOfInput }
            nextFrame = chunk.startFrame + Int64(chunk.samples.count)

            if isPaced {
                let audio = Duration.seconds(nextFrame - originFrame) / sampleRate
                let offset = speed == 1 ? audio : audio / speed
                do {
                    try await clock.sleep(until: origin.advanced(by: offset), tolerance: nil)
                } catch {
                    return .stopped
                }
                guard !stopRequested else { return .stopped }
            }
            guard await deliver(chunk) else { return .stopped }
        }
    }

    private var stopRequested: Bool { state.withLock { $0.stopRequested } }

    private enum Gate { case proceed, resumed, stop }

    /// Suspends while paused; says whether the replay was paused, so pacing restarts from now.
    private func waitWhilePaused() async -> Gate {
        var paused = false
        while true {
            let gate = state.withLock { state -> Gate? in
                if state.stopRequested { return .stop }
                guard state.pauseRequested else {
                    state.statistics.isPaused = false
                    return paused ? .resumed : .proceed
                }
                state.statistics.isPaused = true
                return nil
            }
            if let gate {
                return gate
            }
            paused = true
            await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
                let wait = state.withLock { state -> Bool in
                    guard state.pauseRequested, !state.stopRequested else { return false }
                    state.pausedWaiter = waiter
                    return true
                }
                if !wait {
                    waiter.resume()
                }
            }
        }
    }

    /// Yields `chunk` (unpaced: retrying until the stream has room), or returns false once the
    /// consumer is gone.
    private func deliver(_ chunk: AudioChunk) async -> Bool {
        while true {
            let result = continuation.yield(chunk)
            switch result {
            case .enqueued:
                state.withLock { $0.statistics.producedChunks += 1 }
                return true
            case .dropped:
                if isPaced {
                    // bufferingNewest: this chunk is in, an older one made room for it.
                    state.withLock { state in
                        state.statistics.producedChunks += 1
                        state.statistics.droppedChunks += 1
                    }
                    return true
                }
                // bufferingOldest: this chunk was refused; offer it again once the consumer
                // has had a chance to take one.
                await Task.yield()
                do {
                    try await clock.sleep(for: Self.retryInterval)
                } catch {
                    return false
                }
                if stopRequested {
                    return false
                }
            case .terminated:
                return false
            @unknown default:
                return false
            }
        }
    }
}

extension ReplaySource where C == ContinuousClock {
    /// Opens `path` for replay at `speed` × real time.
    ///
    /// - Throws: `MinutesError(.invalidInput)` when the file cannot be read or `speed` is negative.
    public convenience init(path: String, speed: Double = 1) throws {
        try self.init(path: path, speed: speed, clock: ContinuousClock())
    }
}
