/// What a WAV file holds, as its `fmt ` and `data` chunks describe it.
///
/// Callers show it to people ("48 kHz stereo 24-bit, 1:02:03") and use ``frameCount`` to
/// size buffers and progress bars; decoding itself needs only ``encoding`` and ``channelCount``.
public struct WAVFormat: Sendable, Equatable {
    /// How one sample of one channel is stored, which is all the decoder needs to know.
    public enum Encoding: Sendable, Equatable, CustomStringConvertible {
        /// 8-bit unsigned integers centred on 128, the only unsigned WAV encoding.
        case unsignedInteger8
        /// 16-bit signed little-endian integers.
        case signedInteger16
        /// 24-bit signed little-endian integers packed in three bytes.
        case signedInteger24
        /// 32-bit signed little-endian integers (also 20- or 24-bit samples in 4-byte containers).
        case signedInteger32
        /// 32-bit IEEE floats, nominally in -1…1.
        case float32
        /// 64-bit IEEE floats, nominally in -1…1.
        case float64

        /// Bytes one sample occupies in the file.
        public var bytesPerSample: Int {
            switch self {
            case .unsignedInteger8: 1
            case .signedInteger16: 2
            case .signedInteger24: 3
            case .signedInteger32, .float32: 4
            case .float64: 8
            }
        }

        /// Whether samples are IEEE floats rather than integers.
        public var isFloat: Bool { self == .float32 || self == .float64 }

        public var description: String {
            switch self {
            case .unsignedInteger8: "8-bit unsigned PCM"
            case .signedInteger16: "16-bit PCM"
            case .signedInteger24: "24-bit PCM"
            case .signedInteger32: "32-bit PCM"
            case .float32: "32-bit float"
            case .float64: "64-bit float"
            }
        }
    }

    /// Frames per second.
    public var sampleRate: Int
    /// Channels per frame; readers mix them down to mono.
    public var channelCount: Int
    /// Significant bits per sample, which may be fewer than the container holds (20 of 24).
    public var bitsPerSample: Int
    public var encoding: Encoding
    /// Whether the header used WAVE_FORMAT_EXTENSIBLE (0xFFFE) rather than a plain format tag.
    public var isExtensible: Bool
    /// Frames in the data chunk, or nil when the header does not say (a recording that was cut
    /// off before its sizes were written); readers then read to the end of the file.
    public var frameCount: Int64?

    public init(
        sampleRate: Int,
        channelCount: Int,
        bitsPerSample: Int,
        encoding: Encoding,
        isExtensible: Bool = false,
        frameCount: Int64? = nil
    ) {
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        self.bitsPerSample = bitsPerSample
        self.encoding = encoding
        self.isExtensible = isExtensible
        self.frameCount = frameCount
    }

    /// Bytes one frame (one sample of every channel) occupies in the file.
    public var bytesPerFrame: Int { encoding.bytesPerSample * channelCount }

    /// Length in seconds, when ``frameCount`` is known.
    public var duration: Double? {
        frameCount.map { Double($0) / Double(sampleRate) }
    }
}
