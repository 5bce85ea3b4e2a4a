import MinutesAudio
import MinutesCore
import Testing

struct AudioFileStreamTests {
    @Test func streamsA44kStereoFileAs16kMonoChunks() throws {
        // Given 1.05 s of 44.1 kHz stereo 16-bit audio
        let directory = try TemporaryDirectory()
        let left = Signal.sine(frequency: 440, rate: 44_100, seconds: 1.05)
        let right = Signal.sine(frequency: 1_000, rate: 44_100, seconds: 1.05, amplitude: 0.3)
        let interleaved = zip(left, right).flatMap { [$0, $1] }
        let path = try directory.write(
            WAVBytes.file(interleaved, encoding: .int16, channels: 2, rate: 44_100),
            to: "s.wav"
        )

        // When it is streamed
        let stream = try AudioFileStream(path: path)
        var chunks: [AudioChunk] = []
        while let chunk = try stream.next() {
            chunks.append(chunk)
        }

        // Then the chunks are 100 ms at 16 kHz, stamped in 16 kHz frames, and together they equal
        // the whole file decoded and resampled in one go
        let expectedCount = (left.count * 16_000 + 44_099) / 44_100
        #expect(stream.sourceSampleRate == 44_100)
        #expect(stream.duration == 1.05)
        #expect(chunks.dropLast().allSatisfy { $0.samples.count == 1_600 })
        #expect(chunks.map(\.startFrame) == (0..<chunks.count).map { Int64($0 * 1_600) })
        #expect(chunks.allSatisfy { $0.sampleRate == 16_000 })
        let streamed = chunks.flatMap(\.samples)
        #expect(streamed.count == expectedCount)
        let decoded = try WAVReader(path: path).readAll()
        let reference = try Resampler.resample(decoded, from: 44_100)
        #expect(zip(streamed, reference).allSatisfy { abs($0 - $1) <= 1e-6 })
        #expect(try AudioFile.load16kMono(path) == streamed)
        #expect(try stream.next() == nil)
    }

    @Test func passes16kMonoThroughUnchanged() throws {
        let directory = try TemporaryDirectory()
        let samples = Signal.whiteNoise(count: 3_500, seed: 1)
        let path = try directory.write(WAVBytes.file(samples, encoding: .float32), to: "m.wav")
        let stream = try AudioFileStream(path: path, chunkFrames: 1_000)
        var chunks: [AudioChunk] = []
        try stream.forEachChunk { chunks.append($0) }
        #expect(chunks.map(\.samples.count) == [1_000, 1_000, 1_000, 500])
        #expect(chunks.flatMap(\.samples) == samples)
    }

    @Test func cutsChunksOfARequestedDuration() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            WAVBytes.file([Float](repeating: 0.1, count: 8_000), encoding: .int16),
            to: "d.wav"
        )
        let stream = try AudioFileStream(path: path, chunkDuration: 0.25)
        #expect(stream.chunkFrames == 4_000)
        #expect(try stream.next()?.duration == 0.25)
        #expect(throws: MinutesError(.invalidInput, "")) { try AudioFileStream(path: path, chunkDuration: 0.00001) }
    }

    @Test func reportsTheSourceFormat() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(WAVBytes.file([0, 0.5, 0, -0.5], encoding: .int24, rate: 8_000), to: "f.wav")
        let format = try AudioFile.format(of: path)
        #expect(
            format
                == WAVFormat(
                    sampleRate: 8_000,
                    channelCount: 1,
                    bitsPerSample: 24,
                    encoding: .signedInteger24,
                    frameCount: 4
                )
        )
        #expect(format.duration == 0.0005)
        #expect(try AudioFile.load16kMono(path).count == 8)
    }

    @Test func reportsUnreadableFilesWhenOpened() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Array("not audio".utf8), to: "x.wav")
        let error = try #require(throws: MinutesError.self) { try AudioFileStream(path: path) }
        #expect(error.message.contains("is not an audio file FFmpeg can read"))
        #expect(error.message.contains("it starts with \"not \""))
    }
}
