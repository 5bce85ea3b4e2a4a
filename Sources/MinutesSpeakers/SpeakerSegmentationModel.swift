import MinutesCore
import Synchronization

/// pyannote's segmentation-3.0, run directly in ONNX Runtime: for each 10-second window,
/// which of up to three local speakers talk in each of its frames (about 17 ms), overlap
/// included.
///
/// The model answers in the powerset encoding (seven classes per frame: nobody, each
/// speaker alone, each pair); the most probable class is decoded to a bit mask per frame.
public final class SpeakerSegmentationModel: Sendable {
    /// Samples in one window (10 s at 16 kHz), the length the model was trained on.
    public static let windowSamples = 160_000
    /// The local speakers of each of the seven powerset classes, as bit masks.
    static let powerset: [UInt8] = [0b000, 0b001, 0b010, 0b100, 0b011, 0b101, 0b110]

    private let model: Mutex<OnnxModel>

    /// - Throws: `.notFound` when the model file is missing.
    public init(path: String, threads: Int) throws {
        model = Mutex(try OnnxModel(path: path, input: "x", output: "y", threads: threads))
    }

    /// The windows of 16 kHz `samples` starting at `starts` (sample offsets); a window that
    /// runs past the end is padded with silence.
    public func windows(of samples: [Float], at starts: [Int]) throws -> [LocalSpeakerWindow] {
        guard !starts.isEmpty else { return [] }
        let length = Self.windowSamples
        var batch = [Float](repeating: 0, count: starts.count * length)
        for (index, start) in starts.enumerated() where start < samples.count {
            let end = min(samples.count, start + length)
            batch.replaceSubrange((index * length)..<(index * length + end - start), with: samples[start..<end])
        }
        let output = try model.withLock { model in
            try model.run(OnnxModel.Tensor(values: batch, shape: [starts.count, 1, length]))
        }
        guard output.shape.count == 3, output.shape[0] == starts.count, output.shape[2] == Self.powerset.count else {
            throw MinutesError(.unavailable, "the segmentation model answered in an unexpected shape \(output.shape)")
        }
        let frames = output.shape[1]
        let frameStep = Double(length) / 16_000 / Double(frames)
        return starts.enumerated().map { index, start in
            let masks = (0..<frames).map { frame in
                let base = (index * frames + frame) * Self.powerset.count
                let scores = output.values[base..<(base + Self.powerset.count)]
                return Self.powerset[scores.indices.max { scores[$0] < scores[$1] }! - base]
            }
            return LocalSpeakerWindow(start: Double(start) / 16_000, frameStep: frameStep, frames: masks)
        }
    }
}
