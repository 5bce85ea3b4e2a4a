/// Builds WAV files byte by byte, so reader tests do not depend on the writer under test.
enum WAVBytes {
    /// A sample encoding as a test writes it, with the value a correct decoder must return.
    enum Encoding: String, CaseIterable, Sendable {
        case uint8, int16, int24, int32, float32, float64

        var bits: Int {
            switch self {
            case .uint8: 8
            case .int16: 16
            case .int24: 24
            case .int32, .float32: 32
            case .float64: 64
            }
        }

        var bytes: Int { bits / 8 }
        var isFloat: Bool { self == .float32 || self == .float64 }
        var tag: UInt16 { isFloat ? 3 : 1 }

        /// What the file holds for `value`, as a decoder should read it back.
        func quantized(_ value: Float) -> Float {
            switch self {
            case .float32: return value
            case .float64: return Float(Double(value))
            default:
                let scale = Double(1 << (bits - 1))
                let level = (Double(value) * scale).rounded()
                return Float(min(scale - 1, max(-scale, level)) / scale)
            }
        }

        /// The little-endian bytes of `value`.
        func encode(_ value: Float) -> [UInt8] {
            switch self {
            case .float32: return le(UInt64(value.bitPattern), bytes: 4)
            case .float64: return le(Double(value).bitPattern, bytes: 8)
            case .uint8: return [UInt8(Int(quantized(value) * 128) + 128)]
            default:
                let scale = Double(1 << (bits - 1))
                let level = Int64(min(scale - 1, max(-scale, (Double(value) * scale).rounded())))
                return le(UInt64(bitPattern: level), bytes: bytes)
            }
        }
    }

    static func le(_ value: UInt64, bytes: Int) -> [UInt8] {
        (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    static func le32(_ value: Int) -> [UInt8] { le(UInt64(UInt32(truncatingIfNeeded: value)), bytes: 4) }
    static func le16(_ value: Int) -> [UInt8] { le(UInt64(UInt16(truncatingIfNeeded: value)), bytes: 2) }

    /// A chunk with its header and, for odd sizes, the RIFF pad byte.
    static func chunk(_ id: String, _ body: [UInt8], declaredSize: Int? = nil) -> [UInt8] {
        Array(id.utf8) + le32(declaredSize ?? body.count) + body + (body.count % 2 == 1 ? [0] : [])
    }

    /// A whole file: the RIFF header (with the right size unless told otherwise) and `chunks`.
    static func riff(_ chunks: [[UInt8]], magic: String = "RIFF", form: String = "WAVE", size: Int? = nil) -> [UInt8] {
        let body = chunks.flatMap { $0 }
        return Array(magic.utf8) + le32(size ?? body.count + 4) + Array(form.utf8) + body
    }

    /// A 16-byte `fmt ` body.
    static func fmt(tag: UInt16, channels: Int, rate: Int, bits: Int, container: Int? = nil) -> [UInt8] {
        let blockAlign = (container ?? bits / 8) * channels
        return le16(Int(tag)) + le16(channels) + le32(rate) + le32(rate * blockAlign) + le16(blockAlign) + le16(bits)
    }

    /// A 40-byte WAVE_FORMAT_EXTENSIBLE `fmt ` body.
    static func extensibleFmt(
        subTag: UInt16,
        channels: Int,
        rate: Int,
        validBits: Int,
        container: Int,
        guidTail: [UInt8] = standardGUIDTail
    ) -> [UInt8] {
        let blockAlign = container * channels
        return le16(0xFFFE) + le16(channels) + le32(rate) + le32(rate * blockAlign) + le16(blockAlign)
            + le16(container * 8) + le16(22) + le16(validBits) + le32((1 << channels) - 1) + le16(Int(subTag))
            + guidTail
    }

    static let standardGUIDTail: [UInt8] = [
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
    ]

    /// A plain WAV file of interleaved `samples` in `encoding`.
    static func file(_ samples: [Float], encoding: Encoding, channels: Int = 1, rate: Int = 16_000) -> [UInt8] {
        riff([
            chunk("fmt ", fmt(tag: encoding.tag, channels: channels, rate: rate, bits: encoding.bits)),
            chunk("data", samples.flatMap(encoding.encode)),
        ])
    }
}
