import CSherpaOnnx
import Foundation
import MinutesCore
import Synchronization

/// Offline diarization of whole recordings with sherpa-onnx: pyannote segmentation-3.0
/// finds local speaker activity (overlap included), CAM++ embeds each local speaker, and
/// clustering groups them into voices.
public final class SherpaOfflineDiarizer: Diarizer {
    /// Tuning of the pipeline.
    public struct Configuration: Sendable, Equatable {
        public var models: SpeakerModelFiles
        /// Cosine distance threshold for clustering when the number of speakers is unknown.
        ///
        /// 0.6 is the best of the thresholds tried on the worst kind of recording: at
        /// sherpa-onnx's own 0.5 a phone call gets its second voice (42.8 → 39.0 % DER) but a
        /// single speaker talking for two minutes becomes three (13.8 → 57.2 %). No one
        /// threshold serves every kind; issue 12 estimates the count per recording instead
        /// (BENCHMARKS.md, per kind of recording).
        public var threshold: Float
        /// Turns shorter than this (seconds) are dropped.
        public var minimumTurn: Float
        /// Gaps shorter than this (seconds) inside one voice's speech are closed.
        public var minimumGap: Float
        public var threads: Int

        public init(
            models: SpeakerModelFiles,
            threshold: Float = 0.6,
            minimumTurn: Float = 0.3,
            minimumGap: Float = 0.5,
            threads: Int = 2
        ) {
            self.models = models
            self.threshold = threshold
            self.minimumTurn = minimumTurn
            self.minimumGap = minimumGap
            self.threads = threads
        }
    }

    private let pipeline: Mutex<DiarizationHandle>
    public let configuration: Configuration

    /// - Throws: `.notFound` when a model is missing (the message says `make models`).
    public init(configuration: Configuration) throws {
        try configuration.models.validate()
        self.configuration = configuration
        pipeline = Mutex(try DiarizationHandle(configuration: configuration, speakerCount: nil))
    }

    public func diarize(_ samples: [Float], speakerCount: Int?) async throws -> [SpeakerTurn] {
        // The segmentation model needs at least a fraction of its 10-second window.
        guard samples.count >= 8_000 else { return [] }
        let turns = try await BlockingWork.run {
            try self.pipeline.withLock { pipeline in
                pipeline.configure(self.configuration, speakerCount: speakerCount)
                return try pipeline.process(samples)
            }
        }
        // The segmentation model pads the last 10 s window, and speech running to the end of
        // the clip comes back reaching into that padding.
        let duration = Double(samples.count) / 16_000
        return turns.compactMap { turn in
            let end = min(turn.end, duration)
            return end > turn.start ? SpeakerTurn(speaker: turn.speaker, start: turn.start, end: end) : nil
        }
    }
}

/// Owns sherpa-onnx's diarization pipeline and the C strings its configuration points to.
private final class DiarizationHandle {
    private let pointer: OpaquePointer
    private let segmentation: UnsafeMutablePointer<CChar>
    private let embedding: UnsafeMutablePointer<CChar>
    private let provider: UnsafeMutablePointer<CChar>

    init(configuration: SherpaOfflineDiarizer.Configuration, speakerCount: Int?) throws {
        segmentation = strdup(configuration.models.segmentation)
        embedding = strdup(configuration.models.embedding)
        provider = strdup("cpu")
        var config = Self.config(
            configuration,
            speakerCount: speakerCount,
            strings: (segmentation, embedding, provider)
        )
        guard let created = SherpaOnnxCreateOfflineSpeakerDiarization(&config) else {
            free(segmentation)
            free(embedding)
            free(provider)
            throw MinutesError(
                .invalidInput,
                "sherpa-onnx could not load the speaker models in \(configuration.models.segmentation)"
            )
        }
        pointer = created
    }

    deinit {
        SherpaOnnxDestroyOfflineSpeakerDiarization(pointer)
        free(segmentation)
        free(embedding)
        free(provider)
    }

    func configure(_ configuration: SherpaOfflineDiarizer.Configuration, speakerCount: Int?) {
        var config = Self.config(
            configuration,
            speakerCount: speakerCount,
            strings: (segmentation, embedding, provider)
        )
        SherpaOnnxOfflineSpeakerDiarizationSetConfig(pointer, &config)
    }

    func process(_ samples: [Float]) throws -> [SpeakerTurn] {
        let result = samples.withUnsafeBufferPointer { buffer in
            SherpaOnnxOfflineSpeakerDiarizationProcess(pointer, buffer.baseAddress, Int32(buffer.count))
        }
        guard let result else { throw MinutesError(.invalidInput, "sherpa-onnx could not diarize the audio") }
        defer { SherpaOnnxOfflineSpeakerDiarizationDestroyResult(result) }
        let count = Int(SherpaOnnxOfflineSpeakerDiarizationResultGetNumSegments(result))
        guard count > 0, let segments = SherpaOnnxOfflineSpeakerDiarizationResultSortByStartTime(result) else {
            return []
        }
        defer { SherpaOnnxOfflineSpeakerDiarizationDestroySegment(segments) }
        return (0..<count).map { index in
            let segment = segments[index]
            return SpeakerTurn(speaker: String(segment.speaker), start: Double(segment.start), end: Double(segment.end))
        }
    }

    private static func config(
        _ configuration: SherpaOfflineDiarizer.Configuration,
        speakerCount: Int?,
        strings: (
            segmentation: UnsafeMutablePointer<CChar>, embedding: UnsafeMutablePointer<CChar>,
            provider: UnsafeMutablePointer<CChar>
        )
    ) -> SherpaOnnxOfflineSpeakerDiarizationConfig {
        var config = SherpaOnnxOfflineSpeakerDiarizationConfig()
        config.segmentation.pyannote.model = UnsafePointer(strings.segmentation)
        config.segmentation.num_threads = Int32(configuration.threads)
        config.segmentation.provider = UnsafePointer(strings.provider)
        config.embedding.model = UnsafePointer(strings.embedding)
        config.embedding.num_threads = Int32(configuration.threads)
        config.embedding.provider = UnsafePointer(strings.provider)
        config.clustering.num_clusters = Int32(speakerCount ?? -1)
        config.clustering.threshold = configuration.threshold
        config.min_duration_on = configuration.minimumTurn
        config.min_duration_off = configuration.minimumGap
        return config
    }
}
