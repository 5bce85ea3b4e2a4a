import Foundation
import MinutesAudio
import MinutesCore
import MinutesTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Drives the real capture path with ALSA's `file` PCM: a `null` slave supplies the timing (as
/// fast as it is read) and the `infile` supplies the samples, byte for byte, with no sound card.
struct ALSACaptureSourceTests {
    @Test(.hangGuard)
    func delivers16kMonoS16ByteIdenticalInChunks() async throws {
        // Given 2.05 s of 16 kHz mono S16 noise in a raw file
        let directory = try TemporaryDirectory()
        let values = (0..<32_800).map { Int16(truncatingIfNeeded: $0 &* 7_919 &+ ($0 >> 3) &* 104_729) }
        let source = try FileCapture.source(
            directory: directory,
            raw: FileCapture.bytes(values),
            configuration: ALSACaptureConfiguration(sampleFormat: .int16, maximumFrames: 32_800)
        )

        // When it is captured
        let chunks = await CaptureRun.collect(source)

        // Then 100 ms chunks carry exactly the file's samples, stamped in 16 kHz frames
        #expect(source.parameters.sampleRate == 16_000)
        #expect(source.parameters.channelCount == 1)
        #expect(source.parameters.sampleFormat == .int16)
        #expect(chunks.map(\.samples.count) == Array(repeating: 1_600, count: 20) + [800])
        #expect(chunks.map(\.startFrame) == (0..<21).map { Int64($0 * 1_600) })
        #expect(chunks.allSatisfy { $0.sampleRate == 16_000 })
        let captured = chunks.flatMap(\.samples).map { Int16(exactly: $0 * 32_768) }
        let identical = captured == values
        #expect(identical, "the captured samples differ from the file's")
        let statistics = source.statistics
        #expect(statistics.ending == .endOfInput)
        #expect(statistics.producedChunks == 21)
        #expect(statistics.droppedChunks == 0)
        #expect(statistics.overruns == 0)
        #expect(source.isDeviceClosed)
    }

    @Test(.hangGuard)
    func resamples48kStereoTo16kMono() async throws {
        // Given 1.5 s of 48 kHz stereo S16 with a different tone on each side
        let directory = try TemporaryDirectory()
        let left = Signal.sine(frequency: 440, rate: 48_000, seconds: 1.5).map { Int16(($0 * 32_767).rounded()) }
        let right = Signal.sine(frequency: 1_000, rate: 48_000, seconds: 1.5, amplitude: 0.3)
            .map { Int16(($0 * 32_767).rounded()) }
        let interleaved = zip(left, right).flatMap { [$0, $1] }
        let source = try FileCapture.source(
            directory: directory,
            raw: FileCapture.bytes(interleaved),
            configuration: ALSACaptureConfiguration(
                sampleRate: 48_000,
                sampleFormat: .int16,
                channelCount: 2,
                maximumFrames: Int64(left.count)
            )
        )

        // When it is captured
        let chunks = await CaptureRun.collect(source)

        // Then the device ran at 48 kHz stereo and the chunks hold 1.5 s of 16 kHz mono that equals
        // the file mixed down and resampled in one go
        #expect(source.parameters.sampleRate == 48_000)
        #expect(source.parameters.channelCount == 2)
        let samples = chunks.flatMap(\.samples)
        #expect(samples.count == 24_000)
        #expect(Double(samples.count) / 16_000 == 1.5)
        #expect(chunks.map(\.samples.count) == Array(repeating: 1_600, count: 15))
        #expect(chunks.map(\.startFrame) == (0..<15).map { Int64($0 * 1_600) })
        let mono = zip(left, right).map { (Float($0) / 32_768 + Float($1) / 32_768) * 0.5 }
        let reference = try Resampler.resample(mono, from: 48_000)
        #expect(reference.count == samples.count)
        let close = zip(samples, reference).allSatisfy { abs($0 - $1) <= 1e-6 }
        #expect(close, "the capture differs from the file resampled in one go")
        #expect(source.statistics.ending == .endOfInput)
    }

    @Test(.hangGuard, arguments: [ALSASampleFormat.int32, .float32])
    func decodesWideFormatsExactly(format: ALSASampleFormat) async throws {
        // Given 4 000 frames of 16 kHz mono samples in the format
        let directory = try TemporaryDirectory()
        let noise = Signal.whiteNoise(count: 4_000, seed: 7)
        let raw: [UInt8]
        let expected: [Float]
        switch format {
        case .int32:
            let values = noise.map { Int32(Double($0) * 2_147_483_000) }
            raw = values.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
            expected = values.map { Float(Double($0) / 2_147_483_648) }
        default:
            raw = noise.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
            expected = noise
        }
        let source = try FileCapture.source(
            directory: directory,
            raw: raw,
            configuration: ALSACaptureConfiguration(sampleFormat: format, maximumFrames: 4_000)
        )

        // When it is captured, then the samples arrive unchanged
        let chunks = await CaptureRun.collect(source)
        #expect(source.parameters.sampleFormat == format)
        let identical = chunks.flatMap(\.samples) == expected
        #expect(identical, "the captured samples differ from the file's")
    }

    @Test(.hangGuard, arguments: [EPIPE, ESTRPIPE])
    func countsOverrunsAndSuspendsAndKeepsCapturing(code: Int32) async throws {
        // Given a capture whose 3rd and 6th reads overrun (-EPIPE) or find the device suspended
        let directory = try TemporaryDirectory()
        let values = (0..<16_000).map { Int16(truncatingIfNeeded: $0 &* 31) }
        let source = try FileCapture.source(
            directory: directory,
            raw: FileCapture.bytes(values),
            configuration: ALSACaptureConfiguration(sampleFormat: .int16, maximumFrames: 16_000),
            hooks: ALSACaptureSource.TestHooks { attempt in attempt == 2 || attempt == 5 ? -code : nil }
        )

        // When it is captured
        let chunks = await CaptureRun.collect(source)

        // Then both are counted, the device was started again and capture went on to the end
        // (the file PCM reads its infile only on a successful read, so nothing is lost)
        #expect(source.statistics.overruns == 2)
        #expect(source.statistics.ending == .endOfInput)
        let identical = chunks.flatMap(\.samples).map { Int16(exactly: $0 * 32_768) } == values
        #expect(identical, "the captured samples differ from the file's")
    }

    @Test(
        .hangGuard,
        arguments: [
            (ENODEV, "capture device 'capture' disappeared (unplugged?)"),
            (EIO, "capture device 'capture' stopped working"),
        ]
    )
    func endsTheStreamWhenTheDeviceFails(code: Int32, message: String) async throws {
        // Given a capture whose 5th read fails as an unplugged or broken device does
        let directory = try TemporaryDirectory()
        let values = (0..<48_000).map { Int16(truncatingIfNeeded: $0 &* 13) }
        let source = try FileCapture.source(
            directory: directory,
            raw: FileCapture.bytes(values),
            configuration: ALSACaptureConfiguration(sampleFormat: .int16),
            hooks: ALSACaptureSource.TestHooks { attempt in attempt == 4 ? -code : nil }
        )

        // When it is captured
        let chunks = await CaptureRun.collect(source)

        // Then the stream finishes with the four periods read before, and a reason to show
        let delivered = chunks.flatMap(\.samples).map { Int16(exactly: $0 * 32_768) }
        #expect(delivered.count == 4 * source.parameters.periodFrames)
        let identical = delivered == Array(values.prefix(delivered.count))
        #expect(identical, "the delivered samples differ from the file's")
        guard case .failed(let error) = source.statistics.ending else {
            Issue.record("expected a failure, got \(String(describing: source.statistics.ending))")
            return
        }
        #expect(error.code == .notFound)
        #expect(error.message == message)
        #expect(source.isDeviceClosed)
    }

    @Test(.hangGuard)
    func countsChunksDroppedForASlowConsumer() async throws {
        // Given a stream that buffers 3 chunks, and 20 chunks of audio
        let directory = try TemporaryDirectory()
        let values = (0..<32_000).map { Int16(truncatingIfNeeded: $0) }
        let source = try FileCapture.source(
            directory: directory,
            raw: FileCapture.bytes(values),
            configuration: ALSACaptureConfiguration(sampleFormat: .int16, bufferedChunks: 3, maximumFrames: 32_000)
        )

        // When capture runs to the end before anyone reads
        await source.run()
        var chunks: [AudioChunk] = []
        for await chunk in source.chunks {
            chunks.append(chunk)
        }

        // Then the newest 3 chunks are kept and the 17 older ones are counted as dropped
        #expect(chunks.map(\.startFrame) == [27_200, 28_800, 30_400])
        #expect(source.statistics.producedChunks == 20)
        #expect(source.statistics.droppedChunks == 17)
    }

    @Test(.hangGuard)
    func stopJoinsTheThreadAndClosesTheDevice() async throws {
        // Given an endless capture (the file PCM delivers silence after its file)
        let directory = try TemporaryDirectory()
        let source = try FileCapture.source(
            directory: directory,
            raw: FileCapture.bytes([Int16](repeating: 100, count: 1_600)),
            configuration: ALSACaptureConfiguration(sampleFormat: .int16, bufferedChunks: 4)
        )

        // When the consumer stops it after five chunks
        let received = await withTaskGroup(of: Int.self) { group in
            group.addTask {
                await source.run()
                return 0
            }
            var count = 0
            for await _ in source.chunks {
                count += 1
                if count == 5 {
                    source.stop()
                    // stop() has joined the thread: the device is closed before it returns
                    #expect(source.isDeviceClosed)
                }
            }
            await group.waitForAll()
            return count
        }

        // Then the stream ends as stopped, after at most what was buffered
        #expect(received >= 5)
        #expect(received <= 5 + 4 + 1)
        #expect(source.statistics.ending == .stopped)
    }

    @Test(.hangGuard)
    func aCancelledConsumerStopsCapture() async throws {
        // Given an endless capture
        let directory = try TemporaryDirectory()
        let source = try FileCapture.source(
            directory: directory,
            raw: FileCapture.bytes([Int16](repeating: 100, count: 1_600)),
            configuration: ALSACaptureConfiguration(sampleFormat: .int16, bufferedChunks: 4)
        )

        // When the task reading the stream is cancelled
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await source.run() }
            group.addTask {
                var count = 0
                for await _ in source.chunks {
                    count += 1
                    if count == 3 {
                        withUnsafeCurrentTask { $0?.cancel() }
                    }
                }
            }
            await group.waitForAll()
        }

        // Then the stream's termination stopped the thread and closed the device
        #expect(source.statistics.ending == .stopped)
        #expect(source.isDeviceClosed)
    }

    @Test(.hangGuard)
    func stopBeforeRunClosesTheDevice() async throws {
        let directory = try TemporaryDirectory()
        let source = try FileCapture.source(
            directory: directory,
            raw: FileCapture.bytes([Int16](repeating: 1, count: 160)),
            configuration: ALSACaptureConfiguration(sampleFormat: .int16)
        )
        source.stop()
        await source.run()
        var count = 0
        for await _ in source.chunks {
            count += 1
        }
        #expect(count == 0)
        #expect(source.statistics.ending == .stopped)
        #expect(source.isDeviceClosed)
    }

    @Test(.hangGuard)
    func pauseStopsDeliveryAndResumeContinuesWithoutLoss() async throws {
        // Given a capture that is paused from its 4th read
        let directory = try TemporaryDirectory()
        let values = (0..<24_000).map { Int16(truncatingIfNeeded: $0 &* 3) }
        let box = Mutex<ALSACaptureSource?>(nil)
        let source = try FileCapture.source(
            directory: directory,
            raw: FileCapture.bytes(values),
            configuration: ALSACaptureConfiguration(sampleFormat: .int16, maximumFrames: 24_000),
            hooks: ALSACaptureSource.TestHooks { attempt in
                if attempt == 3 {
                    box.withLock { $0?.pause() }
                }
                return nil
            }
        )
        box.withLock { $0 = source }

        let chunks = await CaptureRun.collect(source) {
            // When the thread has acted on the pause
            while !source.statistics.isPaused, !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(5))
            }
            // Then nothing more is produced while paused
            let before = source.statistics.producedChunks
            try? await Task.sleep(for: .milliseconds(150))
            #expect(source.statistics.producedChunks == before)
            #expect(source.statistics.ending == nil)
            // And after resuming, capture goes on to the end
            source.resume()
        }
        #expect(chunks.map(\.startFrame) == (0..<15).map { Int64($0 * 1_600) })
        let identical = chunks.flatMap(\.samples).map { Int16(exactly: $0 * 32_768) } == values
        #expect(identical, "the captured samples differ from the file's")
        #expect(source.statistics.isPaused == false)
        #expect(source.statistics.ending == .endOfInput)
    }

    @Test func namesAMissingDevice() throws {
        let error = #expect(throws: MinutesError.self) {
            try ALSACaptureSource(
                configuration: ALSACaptureConfiguration(device: "nothing"),
                alsaConfiguration: "pcm.capture { type null }"
            )
        }
        #expect(error?.code == .notFound)
        #expect(error?.message == "no capture device 'nothing' (see `minutes devices`)")
    }

    @Test func namesADeviceWithoutAUsableFormat() throws {
        // A mu-law encoder in front of a 16-bit device accepts only MU_LAW samples
        let error = #expect(throws: MinutesError.self) {
            try ALSACaptureSource(
                configuration: ALSACaptureConfiguration(device: "law"),
                alsaConfiguration: "pcm.law { type mulaw slave { pcm { type null } format S16_LE } }"
            )
        }
        #expect(error?.code == .invalidInput)
        #expect(
            error?.message
                == "capture device 'law' does not offer any of S16_LE, S32_LE, FLOAT_LE samples (it offers MU_LAW)"
        )
    }

    @Test func namesAnUnsupportedSampleRate() throws {
        // ALSA's rate converter offers 4–768 kHz
        let error = #expect(throws: MinutesError.self) {
            try ALSACaptureSource(
                configuration: ALSACaptureConfiguration(device: "converter", sampleRate: 2_000),
                alsaConfiguration: "pcm.converter { type rate slave { pcm { type null } rate 48000 } }"
            )
        }
        #expect(error?.code == .invalidInput)
        #expect(
            error?.message
                == "capture device 'converter' does not support a sample rate of 2000 Hz (it offers 4000–768000 Hz)"
        )
    }

    @Test(arguments: [
        (EBUSY, MinutesError.Code.conflict, "capture device 'hw:1' is busy (another program is recording?)"),
        (ENOENT, .notFound, "no capture device 'hw:1' (see `minutes devices`)"),
        (EACCES, .invalidInput, "no permission to open capture device 'hw:1' (is your user in the 'audio' group?)"),
    ])
    func mapsOpenFailures(code: Int32, expected: MinutesError.Code, message: String) {
        let error = ALSAStatus.openError(device: "hw:1", code: -code)
        #expect(error.code == expected)
        #expect(error.message == message)
        #expect((error.cause as? ALSAStatus)?.code == -code)
    }

    @Test func explainsThatDefaultMayMeanNoSoundCard() {
        let error = ALSAStatus.openError(device: "default", code: -ENOENT)
        #expect(error.code == .notFound)
        #expect(error.message.contains("no sound card?"))
    }
}

/// Builds `type file` capture PCMs over raw sample files.
private enum FileCapture {
    static func bytes(_ values: [Int16]) -> [UInt8] {
        values.flatMap { value in withUnsafeBytes(of: value.littleEndian) { Array($0) } }
    }

    /// A source reading `raw` through a file PCM named `capture`, with room for every chunk
    /// unless the configuration says otherwise.
    static func source(
        directory: TemporaryDirectory,
        raw: [UInt8],
        configuration: ALSACaptureConfiguration,
        hooks: ALSACaptureSource.TestHooks = ALSACaptureSource.TestHooks()
    ) throws -> ALSACaptureSource {
        let path = try directory.write(raw, to: "input.raw")
        var configuration = configuration
        configuration.device = "capture"
        if configuration.bufferedChunks == ALSACaptureConfiguration().bufferedChunks {
            configuration.bufferedChunks = 1_000
        }
        let text = """
            pcm.capture {
                type file
                slave.pcm { type null }
                file "/dev/null"
                infile "\(path)"
                format "raw"
            }
            """
        return try ALSACaptureSource(configuration: configuration, alsaConfiguration: text, hooks: hooks)
    }
}
