import MinutesCore

/// A live source of 16 kHz mono audio: a capture device, or a file replayed at the pace of one.
///
/// Every source has the same shape so the console, the recorder and the engines do not care
/// where audio comes from: chunks arrive on ``chunks`` (an `AsyncStream` that keeps only the
/// newest chunks when its consumer falls behind, so captions stay live), ``run()`` produces
/// them until the input ends, ``stop()`` is called or the calling task is cancelled, and
/// ``statistics`` tells what was lost and why the stream ended. `run()` never throws: a device
/// that disappears ends the stream, and ``CaptureStatistics/ending`` carries the reason the
/// console shows, so losing the microphone never tears down the session that holds the
/// transcript so far. (The shape fits ServiceLifecycle's `Service`, whose `run()` may throw.)
public protocol CaptureSource: AnyObject, Sendable {
    /// The chunks, in order, each stamped with its `startFrame` at ``sampleRate``.
    ///
    /// The stream finishes when the source ends; a chunk lost because the consumer fell behind
    /// shows up as a gap in `startFrame`s and in ``CaptureStatistics/droppedChunks``.
    var chunks: AsyncStream<AudioChunk> { get }

    /// The rate of every chunk (16 kHz unless configured otherwise).
    var sampleRate: Int { get }

    /// A consistent snapshot of the counters, readable from any thread.
    var statistics: CaptureStatistics { get }

    /// Produces chunks until the input ends, ``stop()`` is called or the task is cancelled,
    /// then finishes ``chunks``.
    ///
    /// Returns only once the source has let go of its resources (the capture thread has been
    /// joined and the device closed). Call it once: a second call never starts a second
    /// producer, and after ``stop()`` it returns at once.
    func run() async

    /// Stops delivering chunks until ``resume()``; the stream stays open.
    func pause()

    /// Delivers chunks again after ``pause()``.
    func resume()

    /// Ends the stream; ``CaptureStatistics/ending`` becomes ``CaptureEnding/stopped``.
    func stop()
}
