import Foundation
import MinutesAudio
import MinutesCore
import Testing

struct WAVReaderTests {
    /// How the header around the samples is laid out.
    enum Layout: String, CaseIterable, Sendable {
        /// `fmt ` then `data`.
        case plain
        /// WAVE_FORMAT_EXTENSIBLE with the standard sub-format GUID.
        case extensible
        /// An odd-sized LIST chunk (with its pad byte) and a `fact` chunk before `data`.
        case metadataBeforeData
    }

    struct FormatCase: Sendable, CustomTestStringConvertible {
        var encoding: WAVBytes.Encoding
        var channels: Int
        var layout: Layout
        var testDescription: String { "\(encoding.rawValue) ×\(channels) \(layout.rawValue)" }
    }

    static let formatMatrix: [FormatCase] = WAVBytes.Encoding.allCases.flatMap { encoding in
        [1, 2, 5].flatMap { channels in
            Layout.allCases.map { FormatCase(encoding: encoding, channels: channels, layout: $0) }
        }
    }

    /// 41 frames (odd, so 8-bit mono data has an odd size) with full-scale extremes first and
    /// different values in every channel.
    static func frames(channels: Int) -> [[Float]] {
        let extremes: [[Float]] = [
            Array(repeating: 1, count: channels), Array(repeating: -1, count: channels),
            Array(repeating: 0, count: channels),
        ]
        var waves: [[Float]] = []
        for frame in 0..<38 {
            var values: [Float] = []
            for channel in 0..<channels {
                let phase: Double = Double(frame) * Double(channel + 1) / 3.7 + Double(channel)
                values.append(Float(0.9 * sin(phase)))
            }
            waves.append(values)
        }
        return extremes + waves
    }

    @Test(arguments: formatMatrix)
    func decodesEveryEncodingAndLayoutToTheChannelAverage(_ format: FormatCase) throws {
        // Given a file in the format
        let directory = try TemporaryDirectory()
        let frames = Self.frames(channels: format.channels)
        let data = frames.flatMap { $0 }.flatMap(format.encoding.encode)
        let rate = 22_050
        let fmt: [UInt8]
        switch format.layout {
        case .plain, .metadataBeforeData:
            fmt = WAVBytes.fmt(
                tag: format.encoding.tag,
                channels: format.channels,
                rate: rate,
                bits: format.encoding.bits
            )
        case .extensible:
            fmt = WAVBytes.extensibleFmt(
                subTag: format.encoding.tag,
                channels: format.channels,
                rate: rate,
                validBits: format.encoding.bits,
                container: format.encoding.bytes
            )
        }
        var chunks = [WAVBytes.chunk("fmt ", fmt)]
        if format.layout == .metadataBeforeData {
            chunks.append(WAVBytes.chunk("LIST", Array("INFOISFT\u{5}\0\0\0Mins\0".utf8)))
            chunks.append(WAVBytes.chunk("fact", WAVBytes.le32(frames.count)))
        }
        chunks.append(WAVBytes.chunk("data", data))
        chunks.append(WAVBytes.chunk("id3 ", [1, 2, 3]))
        let path = try directory.write(WAVBytes.riff(chunks), to: "matrix.wav")

        // When it is read in blocks of 4 frames
        let reader = try WAVReader(path: path)
        var samples: [Float] = []
        var block = try reader.read(maxFrames: 4)
        while !block.isEmpty {
            samples += block
            block = try reader.read(maxFrames: 4)
        }

        // Then the format is reported and every sample is the average of its channels
        #expect(reader.format.sampleRate == rate)
        #expect(reader.format.channelCount == format.channels)
        #expect(reader.format.bitsPerSample == format.encoding.bits)
        #expect(reader.format.isExtensible == (format.layout == .extensible))
        #expect(reader.format.frameCount == Int64(frames.count))
        #expect(samples.count == frames.count)
        // One quantization step, but no finer than single precision resolves.
        let step = max(1e-6, 1 / Float(1 << (format.encoding.bits - 1)))
        for (index, frame) in frames.enumerated() where index < samples.count {
            let exact = frame.map(format.encoding.quantized).reduce(0, +) / Float(format.channels)
            let original = frame.reduce(0, +) / Float(format.channels)
            #expect(abs(samples[index] - exact) <= 1e-6, "frame \(index)")
            #expect(abs(samples[index] - original) <= step, "frame \(index)")
        }
        #expect(samples[1] == -1)
    }

    @Test func decodes24BitSamplesInFourByteContainers() throws {
        // Given an extensible file with 24 valid bits in 32-bit containers
        let directory = try TemporaryDirectory()
        let values: [Float] = [0.5, -0.25, 1, -1]
        let data = values.flatMap { WAVBytes.Encoding.int32.encode(WAVBytes.Encoding.int24.quantized($0)) }
        let fmt = WAVBytes.extensibleFmt(subTag: 1, channels: 1, rate: 16_000, validBits: 24, container: 4)
        let path = try directory.write(
            WAVBytes.riff([WAVBytes.chunk("fmt ", fmt), WAVBytes.chunk("data", data)]),
            to: "padded.wav"
        )

        // When it is read
        let reader = try WAVReader(path: path)
        let samples = try reader.readAll()

        // Then the container decides the layout and the valid bits are reported
        #expect(reader.format.bitsPerSample == 24)
        #expect(reader.format.encoding == .signedInteger32)
        #expect(samples == values.map(WAVBytes.Encoding.int24.quantized))
    }

    @Test(arguments: [0, 0xFFFF_FFFF, 1_000_000])
    func readsToTheEndOfTheFileWhenTheDataSizeIsMissingOrTooLarge(_ declaredSize: Int) throws {
        // Given a recording cut off before its sizes were written, with half a frame at the end
        let directory = try TemporaryDirectory()
        let values = Signal.sine(frequency: 440, rate: 16_000, seconds: 0.01)
        let data = values.flatMap(WAVBytes.Encoding.int16.encode) + [0x7F]
        let bytes = WAVBytes.riff(
            [
                WAVBytes.chunk("fmt ", WAVBytes.fmt(tag: 1, channels: 1, rate: 16_000, bits: 16)),
                Array("data".utf8) + WAVBytes.le32(declaredSize) + data,
            ],
            size: 0
        )
        let path = try directory.write(bytes, to: "cut.wav")

        // When it is read
        let reader = try WAVReader(path: path)
        let samples = try reader.readAll()

        // Then every whole frame comes back and the frame count is reported as unknown
        #expect(reader.format.frameCount == nil)
        #expect(reader.format.duration == nil)
        #expect(samples == values.map(WAVBytes.Encoding.int16.quantized))
        // and only a real size that runs past the end is a file cut short, with a warning that
        // says both durations; the placeholders of a crashed recording are not
        if declaredSize == 1_000_000 {
            let shortfall = try #require(reader.shortfall)
            #expect(abs(shortfall.declared - 31.25) < 0.001 && abs(shortfall.present - 0.01) < 0.001)
            let warning = try #require(AudioFile.shortfallWarning(for: path))
            #expect(warning.contains("31.25 s promised, 0.01 s there"))
        } else {
            #expect(reader.shortfall == nil)
            #expect(AudioFile.shortfallWarning(for: path) == nil)
        }
    }

    @Test func readsAnEmptyDataChunkFollowedByMetadataAsNoSamples() throws {
        let directory = try TemporaryDirectory()
        let bytes = WAVBytes.riff([
            WAVBytes.chunk("fmt ", WAVBytes.fmt(tag: 1, channels: 1, rate: 16_000, bits: 16)),
            WAVBytes.chunk("data", []),
            WAVBytes.chunk("LIST", Array("INFOICMT".utf8) + WAVBytes.le32(2) + [0x68, 0x69]),
        ])
        let reader = try WAVReader(path: try directory.write(bytes, to: "empty.wav"))
        #expect(reader.format.frameCount == 0)
        #expect(try reader.readAll().isEmpty)
    }

    @Test func readsRF64FilesWithTheirSixtyFourBitDataSize() throws {
        // Given an RF64 file whose data size lives in the ds64 chunk, followed by another chunk
        let directory = try TemporaryDirectory()
        let values: [Float] = [0.25, -0.5, 0.75]
        let data = values.flatMap(WAVBytes.Encoding.float32.encode)
        let ds64 =
            WAVBytes.le(0, bytes: 8) + WAVBytes.le(UInt64(data.count), bytes: 8) + WAVBytes.le(3, bytes: 8)
            + WAVBytes.le32(0)
        let bytes = WAVBytes.riff(
            [
                WAVBytes.chunk("ds64", ds64),
                WAVBytes.chunk("fmt ", WAVBytes.fmt(tag: 3, channels: 1, rate: 48_000, bits: 32)),
                Array("data".utf8) + WAVBytes.le32(0xFFFF_FFFF) + data,
                WAVBytes.chunk("LIST", [0x41, 0x42, 0x43, 0x44]),
            ],
            magic: "RF64",
            size: 0xFFFF_FFFF
        )
        let path = try directory.write(bytes, to: "rf64.wav")

        // When it is read
        let reader = try WAVReader(path: path)

        // Then exactly the declared samples come back
        #expect(reader.format.frameCount == 3)
        #expect(try reader.readAll() == values)
    }

    @Test func rewindStartsOver() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(WAVBytes.file([0.5, -0.5, 0.25], encoding: .float32), to: "r.wav")
        let reader = try WAVReader(path: path)
        let first = try reader.readAll()
        #expect(try reader.read(maxFrames: 10).isEmpty)
        reader.rewind()
        #expect(try reader.readAll() == first)
        #expect(reader.framesRead == 3)
    }

    struct BrokenCase: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        /// Fragments the message must contain, besides the file name.
        var fragments: [String]
        var testDescription: String { name }
    }

    static let fmt16 = WAVBytes.chunk("fmt ", WAVBytes.fmt(tag: 1, channels: 1, rate: 16_000, bits: 16))
    static let someData = WAVBytes.chunk("data", [0, 0, 0, 0])

    static let brokenFiles: [BrokenCase] = [
        BrokenCase(name: "empty", bytes: [], fragments: ["is empty"]),
        BrokenCase(
            name: "text",
            bytes: Array("hello, world".utf8),
            fragments: ["is not a WAV file", "\"hell\"", "RIFF/WAVE", "16/24/32-bit"]
        ),
        BrokenCase(
            name: "mp3",
            bytes: Array("ID3".utf8) + [3, 0, 0, 0, 0, 0, 0],
            fragments: ["is not a WAV file", "ID3\\x03", "MP3"]
        ),
        BrokenCase(name: "flac", bytes: Array("fLaC\0\0\0\u{22}".utf8), fragments: ["not a WAV file", "FLAC"]),
        BrokenCase(
            name: "riff avi",
            bytes: WAVBytes.riff([], form: "AVI "),
            fragments: ["RIFF file of type 'AVI '", "not a WAV file"]
        ),
        BrokenCase(name: "riff only", bytes: Array("RIFF".utf8), fragments: ["truncated"]),
        BrokenCase(
            name: "fmt cut short",
            bytes: Array(WAVBytes.riff([fmt16, someData]).prefix(30)),
            fragments: ["truncated"]
        ),
        BrokenCase(
            name: "chunk header cut short",
            bytes: WAVBytes.riff([fmt16]) + Array("da".utf8),
            fragments: ["truncated"]
        ),
        BrokenCase(
            name: "a-law",
            bytes: WAVBytes.riff([
                WAVBytes.chunk("fmt ", WAVBytes.fmt(tag: 6, channels: 1, rate: 8_000, bits: 8)), someData,
            ]),
            fragments: ["A-law", "format tag 6", "cannot decode"]
        ),
        BrokenCase(
            name: "16-bit float",
            bytes: WAVBytes.riff([
                WAVBytes.chunk("fmt ", WAVBytes.fmt(tag: 3, channels: 1, rate: 8_000, bits: 16)), someData,
            ]),
            fragments: ["16-bit float", "cannot decode"]
        ),
        BrokenCase(
            name: "extensible ambisonic",
            bytes: WAVBytes.riff([
                WAVBytes.chunk(
                    "fmt ",
                    WAVBytes.extensibleFmt(
                        subTag: 1,
                        channels: 1,
                        rate: 8_000,
                        validBits: 16,
                        container: 2,
                        guidTail: [0x00, 0x00, 0x21, 0x07, 0xD3, 0x11, 0x86, 0x44, 0xC8, 0xC1, 0xCA, 0x00, 0x00, 0x00]
                    )
                ), someData,
            ]),
            fragments: ["unsupported sub-format", "{00000001-0721-11D3-8644-C8C1CA000000}"]
        ),
        BrokenCase(name: "no data", bytes: WAVBytes.riff([fmt16]), fragments: ["has no data chunk"]),
        BrokenCase(name: "no chunks", bytes: WAVBytes.riff([]), fragments: ["no fmt or data chunk"]),
        BrokenCase(
            name: "data first",
            bytes: WAVBytes.riff([someData, fmt16]),
            fragments: ["data chunk before any fmt chunk"]
        ),
        BrokenCase(
            name: "zero channels",
            bytes: WAVBytes.riff([
                WAVBytes.chunk("fmt ", WAVBytes.fmt(tag: 1, channels: 0, rate: 8_000, bits: 16)), someData,
            ]),
            fragments: ["0 channels"]
        ),
        BrokenCase(
            name: "zero rate",
            bytes: WAVBytes.riff([
                WAVBytes.chunk("fmt ", WAVBytes.fmt(tag: 1, channels: 1, rate: 0, bits: 16)), someData,
            ]),
            fragments: ["sample rate of 0 Hz"]
        ),
        BrokenCase(
            name: "short fmt",
            bytes: WAVBytes.riff([WAVBytes.chunk("fmt ", [1, 0, 1, 0]), someData]),
            fragments: ["fmt chunk of 4 bytes"]
        ),
    ]

    @Test(arguments: brokenFiles)
    func refusesBrokenFilesWithAMessageNamingTheFileAndTheProblem(_ broken: BrokenCase) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(broken.bytes, to: "broken.wav")
        let error = try #require(throws: MinutesError.self) { try WAVReader(path: path) }
        #expect(error.code == .invalidInput)
        #expect(error.message.contains(path))
        for fragment in broken.fragments {
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test func refusesAMissingFileWithTheSystemReason() throws {
        let directory = try TemporaryDirectory()
        let error = try #require(throws: MinutesError.self) { try WAVReader(path: directory.file("nope.wav")) }
        #expect(error.code == .invalidInput)
        #expect(error.message.contains("nope.wav"))
        #expect(error.message.contains("No such file"))
    }

    @Test func refusesANonPositiveBlockSize() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(WAVBytes.file([0.5], encoding: .int16), to: "a.wav")
        let reader = try WAVReader(path: path)
        #expect(throws: MinutesError(.invalidInput, "")) { try reader.read(maxFrames: 0) }
    }
}
