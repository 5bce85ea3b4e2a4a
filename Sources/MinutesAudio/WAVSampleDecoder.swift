/// Turns the raw bytes of WAV frames into mono floats in -1…1 by averaging the channels.
///
/// Averaging rather than picking one channel keeps a speaker who is panned to one side of a
/// stereo recording audible; full-scale integers map to ±1 by dividing by 2^(bits-1).
enum WAVSampleDecoder {
    /// Decodes the first `frameCount` frames of `bytes`.
    ///
    /// - Precondition: `bytes` holds at least `frameCount * format.bytesPerFrame` bytes.
    static func decodeMono(_ bytes: UnsafeRawBufferPointer, frameCount: Int, format: WAVFormat) -> [Float] {
        guard frameCount > 0, let base = bytes.baseAddress else { return [] }
        precondition(bytes.count >= frameCount * format.bytesPerFrame, "short WAV block")
        let channels = format.channelCount
        let step = format.encoding.bytesPerSample
        switch format.encoding {
        case .unsignedInteger8:
            return mix(base, frameCount, channels, step, scale: 1.0 / 128) {
                Float(Int($0.load(as: UInt8.self)) - 128)
            }
        case .signedInteger16:
            return mix(base, frameCount, channels, step, scale: 1.0 / 32_768) {
                Float(Int16(littleEndian: $0.loadUnaligned(as: Int16.self)))
            }
        case .signedInteger24:
            return mix(base, frameCount, channels, step, scale: 1.0 / 8_388_608) {
                let bytes = $0.assumingMemoryBound(to: UInt8.self)
                let packed = UInt32(bytes[0]) << 8 | UInt32(bytes[1]) << 16 | UInt32(bytes[2]) << 24
                return Float(Int32(bitPattern: packed) >> 8)
            }
        case .signedInteger32:
            return mix(base, frameCount, channels, step, scale: 1.0 / 2_147_483_648) {
                Float(Int32(littleEndian: $0.loadUnaligned(as: Int32.self)))
            }
        case .float32:
            return mix(base, frameCount, channels, step, scale: 1) {
                Float(bitPattern: UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)))
            }
        case .float64:
            return mix(base, frameCount, channels, step, scale: 1) {
                Float(Double(bitPattern: UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))))
            }
        }
    }

    /// Sums the channels of every frame with `load` and scales the sum to an average in -1…1.
    @inline(__always)
    private static func mix(
        _ base: UnsafeRawPointer,
        _ frameCount: Int,
        _ channels: Int,
        _ step: Int,
        scale: Float,
        load: (UnsafeRawPointer) -> Float
    ) -> [Float] {
        let factor = scale / Float(channels)
        return [Float](unsafeUninitializedCapacity: frameCount) { output, initialized in
            var pointer = base
            for frame in 0..<frameCount {
                var sum: Float = 0
                for _ in 0..<channels {
                    sum += load(pointer)
                    pointer += step
                }
                output[frame] = sum * factor
            }
            initialized = frameCount
        }
    }
}
