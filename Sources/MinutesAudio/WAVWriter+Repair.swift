import MinutesCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension WAVWriter {
    /// Rewrites the header sizes of a WAV file whose writer died before updating them.
    ///
    /// The data size becomes whatever follows the data chunk header, cut down to whole frames
    /// (a partial last frame is truncated away), and the RIFF size and `fact` frame count follow.
    /// A file whose data size is already consistent keeps it, together with any chunks after the
    /// data, so repairing a healthy file changes nothing.
    ///
    /// - Returns: The recovered duration in seconds.
    /// - Throws: `MinutesError(.invalidInput)` when the file is not a WAV file Minutes can read,
    ///   `MinutesError(.storage)` when it cannot be written.
    @discardableResult
    public static func repair(_ path: String) throws -> Double {
        let file = try POSIXFile(path: path, flags: O_RDWR)
        let header = try repairHeader(of: file)
        try file.sync()
        try file.close()
        return header.format.duration ?? 0
    }

    /// Repairs the open `file` in place and returns its corrected header.
    static func repairHeader(of file: POSIXFile) throws -> WAVHeader {
        var header = try WAVHeader.read(from: file)
        guard !header.isRF64 else {
            throw MinutesError(.invalidInput, "cannot repair '\(file.path)': RF64 headers are not supported")
        }
        let frameBytes = Int64(header.format.bytesPerFrame)
        var fileSize = header.fileSize
        let dataBytes: Int64
        if let declared = header.dataSize,
            try WAVHeader.chunksFollow(in: file, from: header.dataOffset + declared + (declared & 1), to: fileSize)
        {
            dataBytes = declared
        } else {
            dataBytes = (fileSize - header.dataOffset) / frameBytes * frameBytes
            let end = header.dataOffset + dataBytes
            if end != fileSize {
                try file.truncate(to: end)
            }
            fileSize = end
            if dataBytes & 1 == 1 {
                // RIFF pads odd chunks; only 8-bit mono data can have an odd size.
                try [UInt8(0)].withUnsafeBytes { try file.write($0, at: end) }
                fileSize += 1
            }
        }
        guard fileSize - 8 <= Int64(UInt32.max) else {
            throw MinutesError(
                .invalidInput,
                "cannot repair '\(file.path)': at \(fileSize) bytes it is too large for a WAV header"
            )
        }
        let frames = dataBytes / frameBytes
        try file.writeUInt32(UInt32(fileSize - 8), at: 4)
        try file.writeUInt32(UInt32(dataBytes), at: header.dataOffset - 4)
        if let factOffset = header.factOffset, factOffset + 4 <= header.dataOffset {
            try file.writeUInt32(UInt32(truncatingIfNeeded: frames), at: factOffset)
        }
        header.dataSize = dataBytes
        header.fileSize = fileSize
        header.format.frameCount = frames
        return header
    }
}
