import MinutesCore

extension WAVHeader {
    /// The last 14 bytes of every standard WAVE_FORMAT_EXTENSIBLE sub-format GUID; the first two
    /// bytes carry the plain format tag (1 = PCM, 3 = float).
    static let extensibleGUIDSuffix: [UInt8] = [
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
    ]

    /// Decodes a `fmt ` chunk body into a format, or says precisely why it cannot be decoded.
    ///
    /// - Parameters:
    ///   - bytes: The start of the chunk body (at most 64 bytes).
    ///   - declaredSize: The size the chunk header claims.
    ///   - path: The file, for error messages.
    static func decodeFormat(_ bytes: [UInt8], declaredSize: UInt32, path: String) throws -> WAVFormat {
        guard declaredSize >= 16, bytes.count >= 16 else {
            throw MinutesError(
                .invalidInput,
                "'\(path)' has a fmt chunk of \(declaredSize) bytes; a WAV format needs at least 16"
            )
        }
        var tag = bytes.uint16LE(at: 0)
        let channels = Int(bytes.uint16LE(at: 2))
        let sampleRate = Int(bytes.uint32LE(at: 4))
        let blockAlign = Int(bytes.uint16LE(at: 12))
        var bits = Int(bytes.uint16LE(at: 14))
        let isExtensible = tag == 0xFFFE
        if isExtensible {
            guard bytes.count >= 40 else {
                throw MinutesError(
                    .invalidInput,
                    "'\(path)' uses WAVE_FORMAT_EXTENSIBLE but its fmt chunk is only \(bytes.count) bytes, not 40"
                )
            }
            guard Array(bytes[26..<40]) == extensibleGUIDSuffix else {
                throw MinutesError(
                    .invalidInput,
                    "'\(path)' uses WAVE_FORMAT_EXTENSIBLE with the unsupported sub-format "
                        + "\(guidText(Array(bytes[24..<40]))); \(accepted)"
                )
            }
            tag = bytes.uint16LE(at: 24)
            let validBits = Int(bytes.uint16LE(at: 18))
            if validBits > 0, validBits <= bits {
                bits = validBits
            }
        }
        guard channels > 0 else {
            throw MinutesError(.invalidInput, "'\(path)' declares 0 channels, so it holds no audio")
        }
        guard sampleRate > 0 else {
            throw MinutesError(.invalidInput, "'\(path)' declares a sample rate of 0 Hz")
        }
        guard bits > 0 else {
            throw MinutesError(.invalidInput, "'\(path)' declares 0 bits per sample")
        }
        // The container is what the block alignment says when that is consistent; otherwise
        // round the bit depth up to whole bytes (some writers leave blockAlign wrong or 0).
        var container = (bits + 7) / 8
        if blockAlign > 0, blockAlign % channels == 0, blockAlign / channels >= container {
            container = blockAlign / channels
        }
        let encoding: WAVFormat.Encoding
        switch (tag, container) {
        case (1, 1): encoding = .unsignedInteger8
        case (1, 2): encoding = .signedInteger16
        case (1, 3): encoding = .signedInteger24
        case (1, 4): encoding = .signedInteger32
        case (3, 4): encoding = .float32
        case (3, 8): encoding = .float64
        case (1, _), (3, _):
            let kind = tag == 1 ? "integer PCM" : "float"
            throw MinutesError(
                .invalidInput,
                "'\(path)' uses \(bits)-bit \(kind) samples in \(container)-byte containers, "
                    + "which Minutes cannot decode; \(accepted)"
            )
        default:
            throw MinutesError(
                .invalidInput,
                "'\(path)' uses \(encodingName(tag)) encoding (format tag \(tag)), "
                    + "which Minutes cannot decode; \(accepted)"
            )
        }
        return WAVFormat(
            sampleRate: sampleRate,
            channelCount: channels,
            bitsPerSample: bits,
            encoding: encoding,
            isExtensible: isExtensible
        )
    }

    /// Names the compressed encodings seen in the wild, so the message says what the file is.
    private static func encodingName(_ tag: UInt16) -> String {
        switch tag {
        case 0x0002: "Microsoft ADPCM"
        case 0x0006: "A-law"
        case 0x0007: "µ-law"
        case 0x0011: "IMA ADPCM"
        case 0x0031: "GSM 6.10"
        case 0x0050: "MPEG"
        case 0x0055: "MP3"
        case 0x00FF, 0x1610: "AAC"
        case 0x0161, 0x0162, 0x0163: "Windows Media Audio"
        case 0xF1AC: "FLAC"
        default: "an unknown"
        }
    }

    /// A GUID in its usual text form, for an error message.
    private static func guidText(_ bytes: [UInt8]) -> String {
        func hex(_ slice: some Sequence<UInt8>) -> String {
            slice.map { String($0, radix: 16, uppercase: true) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        }
        let data1 = hex(bytes[0..<4].reversed())
        let data2 = hex(bytes[4..<6].reversed())
        let data3 = hex(bytes[6..<8].reversed())
        return "{\(data1)-\(data2)-\(data3)-\(hex(bytes[8..<10]))-\(hex(bytes[10..<16]))}"
    }
}
