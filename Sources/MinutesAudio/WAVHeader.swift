import MinutesCore

/// Where the samples of a WAV file are and how they are stored, found by walking its chunks.
///
/// Only chunk headers are read (eight bytes each, then a seek), so a file with megabytes of
/// metadata before its samples costs no memory. Chunks other than `fmt `, `ds64`, `fact` and
/// `data` are skipped, including the pad byte RIFF puts after every odd-sized chunk.
struct WAVHeader {
    /// The largest value a 32-bit RIFF size field can hold; writers that stream use it for "unknown".
    static let unknownSize: UInt32 = 0xFFFF_FFFF

    var format: WAVFormat
    /// Byte offset of the first sample.
    var dataOffset: Int64
    /// Bytes of samples the header promises, or nil when it is 0, 0xFFFFFFFF or runs past the end
    /// of the file: a recording cut off before its sizes were written.
    var dataSize: Int64?
    /// Bytes of samples a real size field promised beyond the end of the file: a copy cut short.
    ///
    /// Placeholder sizes (0, 0xFFFFFFFF) of a recording that crashed are not promises, so they
    /// leave this nil.
    var missingDataSize: Int64?
    /// Byte offset of the `fact` chunk's body (its frame count), when the file has one.
    var factOffset: Int64?
    /// Whether the file is RF64/BW64 (64-bit sizes in a `ds64` chunk).
    var isRF64: Bool
    /// The file's length when the header was read.
    var fileSize: Int64

    /// Reads the header of the open `file`.
    ///
    /// - Throws: `MinutesError(.invalidInput)` naming the file when it is empty, not a WAV file,
    ///   truncated, in an encoding Minutes cannot decode, or without a data chunk.
    static func read(from file: POSIXFile) throws -> WAVHeader {
        let path = file.path
        let fileSize = try file.size()
        guard fileSize > 0 else {
            throw MinutesError(.invalidInput, "'\(path)' is empty (0 bytes), not a WAV file")
        }
        let start = try file.read(count: 12, at: 0)
        let magic = start.fourCC(at: 0)
        let isRF64 = magic == "RF64" || magic == "BW64"
        guard magic == "RIFF" || isRF64 else {
            throw notWAV(path, start: start)
        }
        guard start.count == 12 else {
            throw truncated(path, at: Int64(start.count))
        }
        guard start.fourCC(at: 8) == "WAVE" else {
            throw MinutesError(
                .invalidInput,
                "'\(path)' is a RIFF file of type '\(start.fourCC(at: 8))', not a WAV file; \(accepted)"
            )
        }

        var offset: Int64 = 12
        var format: WAVFormat?
        var factOffset: Int64?
        var rf64DataSize: UInt64?
        while offset < fileSize {
            let chunkHeader = try file.read(count: 8, at: offset)
            guard chunkHeader.count == 8 else { throw truncated(path, at: offset) }
            let id = chunkHeader.fourCC(at: 0)
            let size = chunkHeader.uint32LE(at: 4)
            let body = offset + 8
            switch id {
            case "fmt ":
                guard body + Int64(size) <= fileSize else { throw truncated(path, at: fileSize) }
                // A real fmt chunk is 16, 18 or 40 bytes; reading at most 64 bounds a corrupt size.
                let bytes = try file.read(count: Int(min(size, 64)), at: body)
                format = try WAVHeader.decodeFormat(bytes, declaredSize: size, path: path)
            case "ds64" where isRF64:
                let bytes = try file.read(count: 16, at: body)
                guard bytes.count == 16 else { throw truncated(path, at: fileSize) }
                rf64DataSize = bytes.uint64LE(at: 8)
            case "fact":
                factOffset = body
            case "data":
                guard var format else {
                    throw MinutesError(
                        .invalidInput,
                        "'\(path)' has its data chunk before any fmt chunk, so its sample format is unknown"
                    )
                }
                var declared = Int64(size)
                if isRF64, size == unknownSize, let rf64DataSize, rf64DataSize <= UInt64(Int64.max) {
                    declared = Int64(rf64DataSize)
                }
                let available = fileSize - body
                var unknown = size == 0 || (size == unknownSize && declared == Int64(size)) || declared > available
                if size == 0, try chunksFollow(in: file, from: body, to: fileSize) {
                    // Really no samples: what follows is metadata, not a recording cut off.
                    unknown = false
                }
                let dataSize: Int64? = unknown ? nil : declared
                format.frameCount = dataSize.map { $0 / Int64(format.bytesPerFrame) }
                let promised = size != 0 && declared != Int64(unknownSize) && declared > available
                return WAVHeader(
                    format: format,
                    dataOffset: body,
                    dataSize: dataSize,
                    missingDataSize: promised ? declared - max(0, available) : nil,
                    factOffset: factOffset,
                    isRF64: isRF64,
                    fileSize: fileSize
                )
            default:
                break
            }
            let next = body + Int64(size) + Int64(size & 1)
            guard next <= fileSize || next == fileSize + 1 else {
                // A chunk that runs past the end: the header itself was cut off.
                throw truncated(path, at: fileSize)
            }
            offset = next
        }
        if format == nil {
            throw MinutesError(.invalidInput, "'\(path)' has no fmt or data chunk, so it holds no audio")
        }
        throw MinutesError(.invalidInput, "'\(path)' has no data chunk (it holds a format but no audio)")
    }

    /// What Minutes accepts, appended to every "cannot read this" message.
    static let accepted =
        "Minutes reads RIFF/WAVE files with 8/16/24/32-bit integer or 32/64-bit float samples, "
        + "and what FFmpeg decodes: MP3, AAC/M4A, MP4/MOV, WebM/Matroska, Ogg Vorbis, Opus, FLAC, AIFF"

    private static func truncated(_ path: String, at offset: Int64) -> MinutesError {
        MinutesError(
            .invalidInput,
            "'\(path)' is truncated: its WAV header ends after \(offset) bytes, before the audio data"
        )
    }

    private static func notWAV(_ path: String, start: [UInt8]) -> MinutesError {
        MinutesError(.invalidInput, "'\(path)' is not a WAV file (\(describe(start: start))); \(accepted)")
    }

    /// How a file starts, and what that looks like: `it starts with "ID3\x03", which looks like
    /// an MP3 file`.
    static func describe(start: [UInt8]) -> String {
        let shown = [UInt8].printable(start.prefix(4))
        guard let guess = guessFormat(start) else { return "it starts with \"\(shown)\"" }
        return "it starts with \"\(shown)\", which looks like \(guess)"
    }

    /// Names the formats people most often hand over by mistake, from their magic numbers.
    private static func guessFormat(_ start: [UInt8]) -> String? {
        switch start.fourCC(at: 0) {
        case "RIFX": return "a big-endian RIFX file"
        case "fLaC": return "a FLAC file"
        case "OggS": return "an Ogg (Vorbis/Opus) file"
        case "FORM": return "an AIFF file"
        case _ where start.fourCC(at: 0).hasPrefix("ID3"): return "an MP3 file"
        case _ where start.fourCC(at: 4) == "ftyp": return "an MP4/M4A file"
        case _ where start.count >= 3 && start[0] == 0xFF && start[1] == 0xD8 && start[2] == 0xFF: return "a JPEG image"
        case _ where start.count >= 2 && start[0] == 0xFF && start[1] & 0xE0 == 0xE0: return "an MP3 or AAC stream"
        default: return nil
        }
    }

    /// Whether the bytes from `offset` to `end` are nothing or a chain of well-formed chunks.
    ///
    /// After a crash the bytes past the declared data are samples, which almost never form
    /// chunk ids of letters, digits and spaces whose sizes land exactly on the end of the file.
    static func chunksFollow(in file: POSIXFile, from offset: Int64, to end: Int64) throws -> Bool {
        var offset = offset
        while offset < end {
            let header = try file.read(count: 8, at: offset)
            guard header.count == 8, header[0..<4].allSatisfy(Self.isChunkIDByte) else { return false }
            let size = Int64(header.uint32LE(at: 4))
            offset += 8 + size + (size & 1)
        }
        return offset == end || offset == end + 1
    }

    private static func isChunkIDByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x20
    }
}
