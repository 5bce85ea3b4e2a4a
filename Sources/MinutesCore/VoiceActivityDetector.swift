/// A stretch of speech found by voice activity detection, in seconds.
public struct SpeechRegion: Sendable, Equatable {
    public var start: Double
    public var end: Double

    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }

    public var duration: Double { end - start }
}

/// Finds where people speak in 16 kHz mono audio.
public protocol VoiceActivityDetector: Sendable {
    /// The speech regions of a whole recording, in order.
    func speechRegions(in samples: [Float]) async throws -> [SpeechRegion]
    /// A detector for audio that arrives piece by piece (live capture, long files).
    func makeStream() throws -> any SpeechRegionStream
}

/// Voice activity over a stream: feed samples as they come, get each region once its closing pause has been heard.
///
/// One owner at a time; not thread-safe.
public protocol SpeechRegionStream: AnyObject {
    /// True while inside a speech region.
    var isSpeaking: Bool { get }
    /// Feeds 16 kHz samples; returns the regions that ended within them (unpadded).
    func accept(_ samples: [Float]) -> [SpeechRegion]
    /// Ends the stream, returning a region still open at the end.
    func finish() -> [SpeechRegion]
}
