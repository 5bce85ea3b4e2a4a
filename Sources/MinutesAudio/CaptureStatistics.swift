/// A snapshot of what a ``CaptureSource`` has produced and lost so far.
///
/// Sources update the counters under a lock as they go, so the console can read a consistent
/// snapshot from any thread (say, once a second for its status line) without stopping capture.
public struct CaptureStatistics: Sendable, Equatable {
    /// Chunks handed to the stream, including those it later dropped.
    public var producedChunks: Int = 0
    /// Chunks the stream discarded because its consumer fell behind and the buffer was full.
    public var droppedChunks: Int = 0
    /// Times the device's buffer overflowed (ALSA `-EPIPE`) or the device was suspended, so that
    /// audio was lost before the source could read it; capture recovers and goes on.
    public var overruns: Int = 0
    /// Whether the source is currently paused (it has acted on ``CaptureSource/pause()``).
    public var isPaused = false
    /// Why the stream ended, or nil while the source is still producing (or has not started).
    public var ending: CaptureEnding?

    public init() {}
}
