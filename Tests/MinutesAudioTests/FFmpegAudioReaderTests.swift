import Foundation
import MinutesAudio
import MinutesCore
import MinutesTestSupport
import Testing

/// Recordings in the formats people hand over (Zoom's M4A, a phone's MP3, a messenger's Opus,
/// Teams' MP4 or WebM, FLAC, AIFF), made from jfk.wav by the `ffmpeg` command and read back
/// through FFmpeg's libraries.
@Suite(.hangGuard)
struct FFmpegAudioReaderTests {
    /// The mean absolute difference between two signals over their common length.
    private static func meanDifference(_ a: [Float], _ b: [Float]) -> Float {
        let count = min(a.count, b.count)
        return zip(a.prefix(count), b.prefix(count)).map { abs($0 - $1) }.reduce(0, +) / Float(max(1, count))
    }

    @Test(arguments: ["jfk.mp3", "jfk.m4a", "jfk.opus", "jfk.ogg", "jfk.webm", "jfk.mp4", "jfk.mka"])
    func aLossyRecordingDecodesToTheSameSpeechAsTheWAV(name: String) throws {
        // Given jfk.wav encoded lossily in a common container
        let path = try TestData.jfkEncoded(
            as: String(name.dropFirst(4)),
            arguments: name == "jfk.mp4" ? ["-c:a", "aac"] : []
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        let original = try AudioFile.load16kMono(TestData.jfk)

        // When it is read as every engine reads audio
        let decoded = try AudioFile.load16kMono(path)

        // Then it is the same 11 s of speech: the length within an encoder's padding, the
        // duration known before decoding, and the loudness rising and falling with the WAV's
        // (codec delay shifts samples by a few milliseconds, so loudness per 100 ms compares,
        // not single samples)
        #expect(abs(decoded.count - original.count) < 16_000 / 10, "\(decoded.count) against \(original.count)")
        let stream = try AudioFileStream(path: path)
        #expect(abs((stream.duration ?? 0) - 11) < 0.2, "\(String(describing: stream.duration))")
        let correlation = Self.correlation(Self.loudness(decoded), Self.loudness(original))
        #expect(correlation > 0.95, "loudness correlation \(correlation)")
    }

    /// Mean absolute level per 100 ms.
    private static func loudness(_ samples: [Float]) -> [Float] {
        stride(from: 0, to: samples.count - 1_600, by: 1_600).map { start in
            samples[start..<start + 1_600].map(abs).reduce(0, +) / 1_600
        }
    }

    private static func correlation(_ a: [Float], _ b: [Float]) -> Float {
        let count = min(a.count, b.count)
        let x = a.prefix(count), y = b.prefix(count)
        let meanX = x.reduce(0, +) / Float(count), meanY = y.reduce(0, +) / Float(count)
        let covariance = zip(x, y).map { ($0 - meanX) * ($1 - meanY) }.reduce(0, +)
        let spreadX = x.map { ($0 - meanX) * ($0 - meanX) }.reduce(0, +)
        let spreadY = y.map { ($0 - meanY) * ($0 - meanY) }.reduce(0, +)
        return covariance / (spreadX * spreadY).squareRoot()
    }

    @Test(arguments: ["jfk.flac", "jfk.aiff"])
    func aLosslessRecordingDecodesToTheWAVsSamples(name: String) throws {
        // Given jfk.wav in a lossless format
        let path = try TestData.jfkEncoded(as: String(name.dropFirst(4)))
        defer { try? FileManager.default.removeItem(atPath: path) }

        // When it is read
        let decoded = try AudioFile.load16kMono(path)

        // Then every sample is the WAV's
        let original = try AudioFile.load16kMono(TestData.jfk)
        #expect(decoded.count == original.count)
        #expect(Self.meanDifference(decoded, original) < 1e-6)
    }

    @Test func stereoAtAnotherRateIsMixedToMonoAndResampled() throws {
        // Given jfk.wav as 44.1 kHz stereo FLAC, the right channel silent
        let path = try TestData.jfkEncoded(as: "flac", arguments: ["-af", "pan=stereo|c0=c0|c1=0*c0", "-ar", "44100"])
        defer { try? FileManager.default.removeItem(atPath: path) }

        // When it is read at 16 kHz
        let decoded = try AudioFile.load16kMono(path)
        let original = try AudioFile.load16kMono(TestData.jfk)

        // Then it is the original's length, at about half its level (the silent channel mixed in)
        #expect(abs(decoded.count - original.count) < 160)
        let ratio = decoded.map(abs).reduce(0, +) / original.map(abs).reduce(0, +)
        #expect((0.4...0.8).contains(ratio), "level ratio \(ratio)")
    }

    @Test func aFileFFmpegCannotReadSaysWhatItLooksLikeAndWhatMinutesReads() throws {
        // Given a file that starts like an MP3 but holds none
        let directory = try TemporaryDirectory()
        let path = try directory.write(Array("ID3 this is no mp3".utf8), to: "fake.mp3")

        // When it is opened, the error names it, what it looks like and what Minutes reads
        let error = try #require(throws: MinutesError.self) { try AudioFileStream(path: path) }
        #expect(error.message.contains("'\(path)'"))
        #expect(error.message.contains("which looks like an MP3 file"))
        #expect(error.message.contains("Opus, FLAC"))
        // and an empty file is refused too, not read as silence
        let empty = try directory.write([], to: "empty.m4a")
        #expect(throws: MinutesError.self) { try AudioFile.load16kMono(empty) }
    }
}
