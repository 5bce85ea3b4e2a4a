/// Settings for ``ALSACaptureSource``; the defaults suit a meeting microphone.
///
/// | Property | Type | Default |
/// | --- | --- | --- |
/// | `device` | `String` | `"default"` (`--device NAME`; see `minutes devices`) |
/// | `sampleRate` | `Int?` | nil: 16 kHz if offered, else nearest 48 kHz |
/// | `sampleFormat` | `ALSASampleFormat?` | nil: S16, S32, then float |
/// | `channelCount` | `Int?` | nil: mono, else the fewest offered |
/// | `outputSampleRate` | `Int` | 16 000 |
/// | `chunkFrames` | `Int` | 1 600 (100 ms at 16 kHz) |
/// | `bufferedChunks` | `Int` | 50 (5 s) |
/// | `periodDuration` | `Duration` | 50 ms |
/// | `bufferDuration` | `Duration` | 1 s |
/// | `stallTimeout` | `Duration?` | 5 s |
/// | `maximumFrames` | `Int64?` | nil (no limit) |
public struct ALSACaptureConfiguration: Sendable, Equatable {
    /// The ALSA PCM name: `default`, `plughw:CARD=USB,DEV=0`, `pipewire`, ….
    public var device: String
    /// A rate to insist on; capture fails when the device does not offer it.
    public var sampleRate: Int?
    /// An encoding to insist on; capture fails when the device does not offer it.
    public var sampleFormat: ALSASampleFormat?
    /// A channel count to insist on (all channels are mixed to mono); capture fails when the
    /// device does not offer it.
    public var channelCount: Int?
    /// The rate of the delivered chunks; the engines want 16 kHz.
    public var outputSampleRate: Int
    /// Samples per delivered chunk at ``outputSampleRate``.
    public var chunkFrames: Int
    /// Chunks the stream holds for a slow consumer before it drops the oldest.
    public var bufferedChunks: Int
    /// How much audio the capture thread reads per wake-up (a hint the device may round).
    public var periodDuration: Duration
    /// How much audio the device holds before it overruns (a hint the device may round).
    ///
    /// A long buffer costs no latency in capture: the thread reads each period as soon as it is
    /// there. It only decides how long the thread may be late (a busy machine) before audio is lost.
    public var bufferDuration: Duration
    /// How long a device may deliver nothing before capture ends with an error (nil: forever).
    ///
    /// A wedged USB device often stops delivering without reporting an error.
    public var stallTimeout: Duration?
    /// Device frames after which capture ends as ``CaptureEnding/endOfInput`` (a timed recording,
    /// or a test feeding a file of known length), or nil for no limit.
    public var maximumFrames: Int64?

    public init(
        device: String = "default",
        sampleRate: Int? = nil,
        sampleFormat: ALSASampleFormat? = nil,
        channelCount: Int? = nil,
        outputSampleRate: Int = 16_000,
        chunkFrames: Int = 1_600,
        bufferedChunks: Int = 50,
        periodDuration: Duration = .milliseconds(50),
        bufferDuration: Duration = .seconds(1),
        stallTimeout: Duration? = .seconds(5),
        maximumFrames: Int64? = nil
    ) {
        self.device = device
        self.sampleRate = sampleRate
        self.sampleFormat = sampleFormat
        self.channelCount = channelCount
        self.outputSampleRate = outputSampleRate
        self.chunkFrames = chunkFrames
        self.bufferedChunks = bufferedChunks
        self.periodDuration = periodDuration
        self.bufferDuration = bufferDuration
        self.stallTimeout = stallTimeout
        self.maximumFrames = maximumFrames
    }
}
