import CSherpaOnnx
import Foundation
import MinutesCore
import Synchronization

/// Speaker embeddings (CAM++, 192 dimensions) through sherpa-onnx's extractor.
///
/// Speech longer than ``longestPiece`` is embedded in equal pieces whose unit vectors are
/// averaged, weighted by length. ONNX Runtime's arena grows to the largest input it has seen
/// and never gives the memory back: one 20-second print costs 70 MB for the rest of the
/// process, a 10-second piece 30 MB. Pooling prints of pieces is common practice, and the
/// dev set's live diarization and enrollment scores at the default thresholds did not move
/// (BENCHMARKS.md).
public final class SherpaSpeakerEmbedder: SpeakerEmbedder {
    private let extractor: Mutex<ExtractorHandle>
    public let dimension: Int

    /// Loads the embedding model.
    /// - Throws: `.notFound` when the file is missing, `.invalidInput` when sherpa-onnx cannot load it.
    public init(modelPath: String, threads: Int = 1) throws {
        guard FileManager.default.fileExists(atPath: modelPath) else {
            throw MinutesError(.notFound, "speaker embedding model not found at \(modelPath): run `make models`")
        }
        let handle = try ExtractorHandle(modelPath: modelPath, threads: threads)
        dimension = Int(SherpaOnnxSpeakerEmbeddingExtractorDim(handle.pointer))
        extractor = Mutex(handle)
    }

    /// Half a second of speech: below it CAM++ vectors are too noisy to tell voices apart.
    public static let minimumSamples = 8_000

    /// The most samples given to the model at once: 10 seconds, the length of the chunks
    /// sherpa-onnx's own diarizer embeds.
    public static let longestPiece = 160_000

    public func embedding(of samples: [Float]) async throws -> [Float] {
        guard samples.count >= Self.minimumSamples else {
            throw MinutesError(
                .empty,
                "too little speech for a voice print: \(String(format: "%.2f", Double(samples.count) / 16_000)) s, need at least 0.5 s"
            )
        }
        return try await BlockingWork.run {
            try self.extractor.withLock { extractor in
                let pieces = Self.pieces(of: samples.count)
                guard pieces.count > 1 else { return try extractor.compute(samples[...]) }
                return VoicePrint.centroid(
                    try pieces.map { try extractor.compute(samples[$0]) },
                    weights: pieces.map { Float($0.count) }
                )
            }
        }
    }

    /// Splits `count` samples into the fewest equal pieces no longer than ``longestPiece``.
    static func pieces(of count: Int) -> [Range<Int>] {
        let pieceCount = max(1, (count + longestPiece - 1) / longestPiece)
        return (0..<pieceCount).map { index in
            (count * index / pieceCount)..<(count * (index + 1) / pieceCount)
        }
    }
}

/// Owns sherpa-onnx's extractor; not thread-safe, so it lives behind a mutex.
private final class ExtractorHandle {
    let pointer: OpaquePointer

    init(modelPath: String, threads: Int) throws {
        let created: OpaquePointer? = modelPath.withCString { model in
            "cpu".withCString { provider in
                var config = SherpaOnnxSpeakerEmbeddingExtractorConfig()
                config.model = model
                config.num_threads = Int32(threads)
                config.provider = provider
                return SherpaOnnxCreateSpeakerEmbeddingExtractor(&config)
            }
        }
        guard let created else {
            throw MinutesError(.invalidInput, "sherpa-onnx could not load the speaker embedding model \(modelPath)")
        }
        pointer = created
    }

    deinit {
        SherpaOnnxDestroySpeakerEmbeddingExtractor(pointer)
    }

    func compute(_ samples: ArraySlice<Float>) throws -> [Float] {
        guard let stream = SherpaOnnxSpeakerEmbeddingExtractorCreateStream(pointer) else {
            throw MinutesError(.invalidInput, "sherpa-onnx could not start an embedding stream")
        }
        defer { SherpaOnnxDestroyOnlineStream(stream) }
        samples.withUnsafeBufferPointer { buffer in
            SherpaOnnxOnlineStreamAcceptWaveform(stream, 16_000, buffer.baseAddress, Int32(buffer.count))
        }
        SherpaOnnxOnlineStreamInputFinished(stream)
        guard SherpaOnnxSpeakerEmbeddingExtractorIsReady(pointer, stream) != 0,
            let vector = SherpaOnnxSpeakerEmbeddingExtractorComputeEmbedding(pointer, stream)
        else {
            throw MinutesError(
                .empty,
                "too little speech for a voice print (\(String(format: "%.2f", Double(samples.count) / 16_000)) s)"
            )
        }
        defer { SherpaOnnxSpeakerEmbeddingExtractorDestroyEmbedding(vector) }
        let dimension = Int(SherpaOnnxSpeakerEmbeddingExtractorDim(pointer))
        return Array(UnsafeBufferPointer(start: vector, count: dimension))
    }
}
