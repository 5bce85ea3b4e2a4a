import CALSA

/// The sample encodings Minutes captures in, and their conversion to mono floats.
///
/// Devices offer many encodings; these three cover what microphones, USB headsets and the
/// sound servers' ALSA plugins (PipeWire, PulseAudio) deliver. 24-bit hardware is read as S32,
/// where ALSA puts its samples in the upper bits. All three are little-endian, as on every
/// machine Minutes runs on.
public enum ALSASampleFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Signed 16-bit (`S16_LE`): the most widely offered, and plenty for speech.
    case int16 = "S16_LE"
    /// Signed 32-bit (`S32_LE`), also carrying 24-bit samples in its top bits.
    case int32 = "S32_LE"
    /// 32-bit IEEE float (`FLOAT_LE`) in -1…1.
    case float32 = "FLOAT_LE"

    /// The order in which formats are tried when none is asked for: the cheapest first.
    static let preferenceOrder: [ALSASampleFormat] = [.int16, .int32, .float32]

    public var description: String { rawValue }

    /// Bytes per sample of one channel.
    public var bytesPerSample: Int { self == .int16 ? 2 : 4 }

    /// The ALSA format constant.
    var alsaFormat: snd_pcm_format_t {
        switch self {
        case .int16: SND_PCM_FORMAT_S16_LE
        case .int32: SND_PCM_FORMAT_S32_LE
        case .float32: SND_PCM_FORMAT_FLOAT_LE
        }
    }

    /// The format for an ALSA constant, or nil when Minutes does not capture in it.
    init?(alsaFormat: snd_pcm_format_t) {
        guard let format = Self.allCases.first(where: { $0.alsaFormat == alsaFormat }) else { return nil }
        self = format
    }

    /// Decodes `frameCount` interleaved frames of `channelCount` channels and mixes them to mono.
    ///
    /// Integers are scaled by 2^-15 or 2^-31, the inverse of what ``WAVWriter`` does, so 16-bit
    /// capture written to a 16-bit WAV file comes back bit for bit. Channels are averaged.
    func decodeMono(_ bytes: UnsafeRawBufferPointer, frameCount: Int, channelCount: Int) -> [Float] {
        precondition(bytes.count >= frameCount * channelCount * bytesPerSample, "short capture buffer")
        return [Float](unsafeUninitializedCapacity: frameCount) { output, initialized in
            let stride = channelCount * bytesPerSample
            let scale = 1 / Float(channelCount)
            for frame in 0..<frameCount {
                var sum: Float = 0
                for channel in 0..<channelCount {
                    sum += sample(in: bytes, at: frame * stride + channel * bytesPerSample)
                }
                output[frame] = channelCount == 1 ? sum : sum * scale
            }
            initialized = frameCount
        }
    }

    private func sample(in bytes: UnsafeRawBufferPointer, at offset: Int) -> Float {
        switch self {
        case .int16:
            Float(Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int16.self))) / 32_768
        case .int32:
            Float(
                Double(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self))) / 2_147_483_648
            )
        case .float32:
            Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }
    }
}
