/// How the Silero detector decides what is speech.
public struct VoiceActivityConfiguration: Sendable, Equatable {
    /// The `silero_vad.onnx` model file.
    public var modelPath: String
    /// Speech probability above which a 32 ms window counts as speech.
    public var threshold: Float
    /// A pause at least this long (seconds) ends a region.
    public var minimumSilence: Double
    /// Regions shorter than this (seconds) are dropped as clicks and breaths.
    public var minimumSpeech: Double
    /// A region that runs longer than this (seconds) is cut, so no utterance outgrows
    /// Whisper's 30-second window.
    public var maximumSpeech: Double
    /// The longest utterance of the live console (seconds): a live caption is decoded again
    /// every second while it grows, and the final decode of a 20-second utterance kept the
    /// next caption waiting; at 10 s the 95th percentile of caption latency fell from 2.7 s to
    /// 2.1 s, and the live DER did not rise (BENCHMARKS.md).
    public static let liveMaximumSpeech = 10.0
    /// Seconds added before and after each region, so word onsets and endings are kept.
    public var padding: Double
    /// Seconds by which Silero's probability lags behind the end of speech (about three
    /// 32 ms windows, measured on synthetic meetings): subtracted from each region's end.
    public var releaseLatency: Double

    public init(
        modelPath: String,
        threshold: Float = 0.5,
        minimumSilence: Double = 0.3,
        minimumSpeech: Double = 0.25,
        maximumSpeech: Double = 20,
        padding: Double = 0.1,
        releaseLatency: Double = 0.096
    ) {
        self.modelPath = modelPath
        self.threshold = threshold
        self.minimumSilence = minimumSilence
        self.minimumSpeech = minimumSpeech
        self.maximumSpeech = maximumSpeech
        self.padding = padding
        self.releaseLatency = releaseLatency
    }
}
