import Foundation
import MinutesAudio
import MinutesCore
import Testing

struct WAVWriterTests {
    /// The RIFF and data sizes a valid header must hold, read straight from the bytes.
    static func headerSizes(of bytes: [UInt8], dataSizeOffset: Int) -> (riff: Int, data: Int) {
        func le32(_ at: Int) -> Int { (0..<4).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        return (le32(4), le32(dataSizeOffset))
    }

    @Test(arguments: [WAVWriter.SampleFormat.int16, .float32])
    func keepsTheHeaderValidAfterEveryAppend(_ sampleFormat: WAVWriter.SampleFormat) throws {
        // Given a new writer
        let directory = try TemporaryDirectory()
        let path = directory.file("rec.wav")
        let writer = try WAVWriter(path: path, sampleRate: 16_000, sampleFormat: sampleFormat)
        let headerSize = sampleFormat == .int16 ? 44 : 58
        let bytesPerSample = sampleFormat == .int16 ? 2 : 4
        var written: [Float] = []

        for (index, size) in [1_600, 1, 800, 3_201].enumerated() {
            // When a block is appended (and not closed, as after a crash)
            let block = Signal.whiteNoise(count: size, seed: UInt64(index))
            try writer.append(block)
            written += block

            // Then the file on disk holds every sample so far behind consistent sizes
            let bytes = try directory.bytes(of: path)
            #expect(bytes.count == headerSize + written.count * bytesPerSample)
            let sizes = Self.headerSizes(of: bytes, dataSizeOffset: headerSize - 4)
            #expect(sizes.riff == bytes.count - 8)
            #expect(sizes.data == written.count * bytesPerSample)
            let reader = try WAVReader(path: path)
            #expect(reader.format.frameCount == Int64(written.count))
            let samples = try reader.readAll()
            #expect(samples.count == written.count)
            let tolerance: Float = sampleFormat == .int16 ? 1.0 / 32_768 : 0
            #expect(zip(samples, written).allSatisfy { abs($0 - $1) <= tolerance })
        }
        #expect(writer.frameCount == Int64(written.count))
        try writer.flush()
        try writer.close()
    }

    @Test func writesAFloatHeaderWithAFactChunk() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("f.wav")
        try WAVWriter.write([0.25, -0.5, 0.75], to: path, sampleRate: 48_000, sampleFormat: .float32)
        let bytes = try directory.bytes(of: path)
        #expect(String(decoding: bytes[38..<42], as: UTF8.self) == "fact")
        #expect(bytes[46] == 3)
        let reader = try WAVReader(path: path)
        #expect(
            reader.format
                == WAVFormat(sampleRate: 48_000, channelCount: 1, bitsPerSample: 32, encoding: .float32, frameCount: 3)
        )
        #expect(try reader.readAll() == [0.25, -0.5, 0.75])
    }

    @Test(arguments: [WAVWriter.SampleFormat.int16, .float32])
    func clipsSamplesToFullScale(_ sampleFormat: WAVWriter.SampleFormat) throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("clip.wav")
        try WAVWriter.write([2, -3, 0.5, .nan, .infinity], to: path, sampleRate: 8_000, sampleFormat: sampleFormat)
        let samples = try WAVReader(path: path).readAll()
        let expected: [Float] = [1, -1, 0.5, 0, 1]
        #expect(samples.count == expected.count)
        #expect(zip(samples, expected).allSatisfy { abs($0 - $1) <= 1e-4 })
    }

    @Test func repairsAFileWhoseHeaderSizesAreZero() throws {
        // Given a recording whose writer died before it wrote any size, with half a frame at the end
        let directory = try TemporaryDirectory()
        let path = directory.file("crashed.wav")
        let samples = Signal.sine(frequency: 440, rate: 16_000, seconds: 1.5)
        try WAVWriter.write(samples, to: path, sampleRate: 16_000)
        var bytes = try directory.bytes(of: path)
        bytes.replaceSubrange(4..<8, with: [0, 0, 0, 0])
        bytes.replaceSubrange(40..<44, with: [0, 0, 0, 0])
        bytes.append(0x12)
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        // When it is repaired
        let duration = try WAVWriter.repair(path)

        // Then all samples are back behind a valid header and the half frame is gone
        #expect(duration == 1.5)
        let repaired = try directory.bytes(of: path)
        #expect(repaired.count == 44 + samples.count * 2)
        #expect(Self.headerSizes(of: repaired, dataSizeOffset: 40) == (repaired.count - 8, samples.count * 2))
        let reader = try WAVReader(path: path)
        #expect(reader.format.frameCount == Int64(samples.count))
        let read = try reader.readAll()
        #expect(zip(read, samples).allSatisfy { abs($0 - $1) <= 1.0 / 32_768 })
        #expect(read.count == samples.count)
    }

    @Test func repairsAFileWhoseHeaderUndercountsTheSamples() throws {
        // Given a file whose sizes were last updated one append ago
        let directory = try TemporaryDirectory()
        let path = directory.file("stale.wav")
        try WAVWriter.write(
            Signal.whiteNoise(count: 1_000, seed: 1),
            to: path,
            sampleRate: 16_000,
            sampleFormat: .float32
        )
        let stale = try directory.bytes(of: path)
        let writer = try WAVWriter(appendingTo: path)
        try writer.append(Signal.whiteNoise(count: 500, seed: 2))
        try writer.close()
        var bytes = try directory.bytes(of: path)
        bytes.replaceSubrange(0..<58, with: stale[0..<58])
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try WAVReader(path: path).format.frameCount == 1_000)

        // When it is repaired
        let duration = try WAVWriter.repair(path)

        // Then the last append is counted again, in the fact chunk too
        #expect(duration == 1_500.0 / 16_000)
        let repaired = try directory.bytes(of: path)
        #expect(repaired[46] == UInt8(1_500 & 0xFF) && repaired[47] == UInt8(1_500 >> 8))
        #expect(try WAVReader(path: path).format.frameCount == 1_500)
    }

    @Test func leavesAHealthyFileWithChunksAfterTheDataUntouched() throws {
        let directory = try TemporaryDirectory()
        let bytes = WAVBytes.riff([
            WAVBytes.chunk("fmt ", WAVBytes.fmt(tag: 1, channels: 2, rate: 44_100, bits: 16)),
            WAVBytes.chunk("data", [1, 2, 3, 4, 5, 6, 7, 8]),
            WAVBytes.chunk("LIST", Array("INFOIART".utf8) + WAVBytes.le32(3) + [0x41, 0x42, 0]),
        ])
        let path = try directory.write(bytes, to: "healthy.wav")
        let duration = try WAVWriter.repair(path)
        #expect(duration == 2.0 / 44_100)
        #expect(try directory.bytes(of: path) == bytes)
    }

    @Test func resumesAppendingAfterACrash() throws {
        // Given a crashed recording (sizes never written)
        let directory = try TemporaryDirectory()
        let path = directory.file("resume.wav")
        let first = Signal.whiteNoise(count: 2_000, seed: 5)
        try WAVWriter.write(first, to: path, sampleRate: 16_000)
        var bytes = try directory.bytes(of: path)
        bytes.replaceSubrange(40..<44, with: [0xFF, 0xFF, 0xFF, 0xFF])
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        // When the recorder reopens it and appends
        let second = Signal.whiteNoise(count: 1_000, seed: 6)
        let writer = try WAVWriter(appendingTo: path)
        #expect(writer.frameCount == 2_000)
        try writer.append(second)
        try writer.close()

        // Then the file holds both parts
        let reader = try WAVReader(path: path)
        #expect(reader.format.frameCount == 3_000)
        let samples = try reader.readAll()
        #expect(zip(samples, first + second).allSatisfy { abs($0 - $1) <= 1.0 / 32_768 })
    }

    @Test func refusesToAppendToAStereoFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(WAVBytes.file([0.1, 0.2], encoding: .int16, channels: 2), to: "stereo.wav")
        let error = try #require(throws: MinutesError.self) { try WAVWriter(appendingTo: path) }
        #expect(error.message.contains("2-channel"))
        #expect(error.message.contains("mono 16-bit PCM or 32-bit float"))
    }

    @Test func refusesToAppendAfterClose() throws {
        let directory = try TemporaryDirectory()
        let writer = try WAVWriter(path: directory.file("c.wav"), sampleRate: 16_000)
        try writer.close()
        let error = try #require(throws: MinutesError.self) { try writer.append([0.1]) }
        #expect(error.message.contains("closed"))
    }

    @Test func refusesToWriteWhereItCannot() throws {
        let directory = try TemporaryDirectory()
        let error = try #require(throws: MinutesError.self) {
            try WAVWriter(path: directory.file("missing/dir/x.wav"), sampleRate: 16_000)
        }
        #expect(error.code == .storage)
        #expect(error.message.contains("x.wav"))
    }
}
