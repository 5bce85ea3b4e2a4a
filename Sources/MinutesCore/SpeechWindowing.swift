/// Groups speech regions into windows for Whisper: neighbouring regions share a window
/// (the model transcribes better with context) until the window would pass Whisper's
/// 30-second limit or the pause between them is long.
public struct SpeechWindowing: Sendable {
    /// Seconds of audio around each region given to the model, so onsets are not clipped.
    ///
    /// Half a second: at 0.2 s Whisper lost the first word of read sentences ("And Mr. John
    /// Dashwood") that whisper-cli, which hears the whole file, kept (faster-whisper pads its
    /// voice activity by 0.4 s for the same reason).
    public var padding: Double
    /// Longest window in seconds; Whisper sees 30 s at a time.
    public var maximumLength: Double
    /// A pause longer than this starts a new window.
    public var maximumGap: Double
    private var open: SpeechRegion?

    public init(padding: Double = 0.5, maximumLength: Double = 28, maximumGap: Double = 1.5) {
        self.padding = padding
        self.maximumLength = maximumLength
        self.maximumGap = maximumGap
    }

    /// Adds the next region; returns the window it closed, if any.
    public mutating func add(_ region: SpeechRegion) -> SpeechRegion? {
        let padded = SpeechRegion(start: max(0, region.start - padding), end: region.end + padding)
        guard let current = open else {
            open = padded
            return nil
        }
        if padded.start - current.end <= maximumGap && padded.end - current.start <= maximumLength {
            open = SpeechRegion(start: current.start, end: max(current.end, padded.end))
            return nil
        }
        open = padded
        return current
    }

    /// Closes the last window.
    public mutating func finish() -> SpeechRegion? {
        defer { open = nil }
        return open
    }
}
