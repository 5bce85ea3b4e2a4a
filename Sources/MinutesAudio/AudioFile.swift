/// Whole-file conveniences for audio that fits in memory (tests, short clips, batch jobs).
///
/// Live paths stream with ``AudioFileStream`` instead: an hour at 16 kHz is 230 MB of floats.
public enum AudioFile {
    /// Reads `path` whole as 16 kHz mono samples, the input every engine expects.
    ///
    /// - Throws: `MinutesError(.invalidInput)` naming the file when it cannot be read.
    public static func load16kMono(_ path: String) throws -> [Float] {
        try load(path, sampleRate: 16_000)
    }

    /// Reads `path` (WAV, or any format FFmpeg decodes) whole as mono samples at `sampleRate`.
    public static func load(_ path: String, sampleRate: Int) throws -> [Float] {
        let reader = try AudioBlockReaders.open(path)
        var resampler = try Resampler(from: reader.sampleRate, to: sampleRate)
        var samples: [Float] = []
        if let duration = reader.duration {
            samples.reserveCapacity(Int((duration * Double(sampleRate)).rounded(.up)))
        }
        while true {
            let block = try reader.read(maxFrames: 65_536)
            if block.isEmpty { break }
            samples.append(contentsOf: resampler.process(block))
        }
        samples.append(contentsOf: resampler.finish())
        return samples
    }

    /// A warning, with both durations, for a WAV file whose header promises more than it holds.
    ///
    /// Nil for every other file. Reading such a file gives the audio that is there.
    public static func shortfallWarning(for path: String) -> String? {
        guard let reader = try? WAVReader(path: path), let shortfall = reader.shortfall else { return nil }
        func seconds(_ value: Double) -> String {
            let hundredths = Int((value * 100).rounded())
            return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
        }
        let declared = seconds(shortfall.declared)
        let present = seconds(shortfall.present)
        return "'\(path)' is shorter than its header says (\(declared) s promised, \(present) s there): "
            + "it was cut short; using the \(present) s that are there"
    }

    /// The format of `path` as its header describes it, without reading the samples.
    public static func format(of path: String) throws -> WAVFormat {
        try WAVReader(path: path).format
    }
}
