import CSherpaOnnx
import Foundation
import MinutesCore
import Synchronization

/// Speaker embeddings (CAM++, 192 dimensions) through sherpa-onnx's extractor.
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

    public func embedding(of samples: [Float]) async throws -> [Float] {
        guard samples.count >= Self.minimumSamples else {
            throw MinutesError(
                .empty,
                "too little speech for a voice print: \(String(format: "%.2f", Double(samples.count) / 16_000)) s, need at least 0.5 s"
            )
        }
        return try await BlockingWork.run {
            try self.extractor.withLock { try $0.compute(samples) }
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

    func compute(_ samples: [Float]) throws -> [Float] {
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
