import MinutesCore

/// Offline diarization the way pyannote does it, with the count of voices taken from the
/// recording: segmentation-3.0 over overlapping windows, one CAM++ print per (window, local
/// speaker), average-linkage clustering in which two speakers of one window count against
/// joining (``VoiceDendrogram``), and turns rebuilt from the windows.
///
/// sherpa-onnx's pipeline clusters whole-turn prints with a distance threshold, and no
/// threshold served every kind of recording (a phone call's second voice or one person
/// talking for two minutes split in three). Prints of a local speaker over the frames where
/// they talk alone, held apart where one window heard both, give every kind tried its right
/// count at one stopping similarity, 0.5 (BENCHMARKS.md).
public final class LocalSpeakerDiarizer: Diarizer {
    /// Tuning of the pipeline.
    public struct Configuration: Sendable, Equatable {
        public var models: SpeakerModelFiles
        /// Seconds between the starts of two 10-second windows.
        public var step: Double
        /// The most windows of one recording (2 or more): longer recordings space their
        /// windows wider.
        ///
        /// Clustering compares every print with every other, so its memory grows with the
        /// square of the prints (about 2.5 per window). 2,000 windows (83 minutes at 2.5 s)
        /// keep that near 100 MB; a 3-hour meeting gets a window every 5.4 s, which costs
        /// accuracy (at 5 s one person's recording split in two; BENCHMARKS.md).
        public var maximumWindows: Int
        /// Clusters stop joining when their average similarity falls below this.
        ///
        /// 0.45 and 0.5 are the values at which every kind of recording kept a right or
        /// near count: at 0.3 five minutes of 21 people became one speaker (big clusters of
        /// different people average above it), at 0.55 one person's two recordings became
        /// two. 0.5 is the better of the two on the many-speaker recording.
        public var similarity: Float
        /// Turns shorter than this (seconds) are dropped.
        public var minimumTurn: Double
        /// Gaps shorter than this (seconds) inside one voice's speech are closed.
        public var minimumGap: Double
        public var threads: Int

        public init(
            models: SpeakerModelFiles,
            step: Double = 2.5,
            maximumWindows: Int = 2_000,
            similarity: Float = 0.5,
            minimumTurn: Double = 0.3,
            minimumGap: Double = 0.5,
            threads: Int = 2
        ) {
            self.models = models
            self.step = step
            self.maximumWindows = maximumWindows
            self.similarity = similarity
            self.minimumTurn = minimumTurn
            self.minimumGap = minimumGap
            self.threads = threads
        }
    }

    public let configuration: Configuration
    private let segmentation: SpeakerSegmentationModel
    /// The voice print model it prints with; gap filling prints with the same one, since each
    /// ONNX Runtime session keeps an arena of its own.
    public let embedder: SherpaSpeakerEmbedder
    /// The first sample of each window: every ``Configuration/step`` seconds, wider when that
    /// would make more than ``Configuration/maximumWindows``; the last may run past the end.
    static func windowStarts(sampleCount: Int, configuration: Configuration) -> [Int] {
        let beyondFirst = sampleCount - SpeakerSegmentationModel.windowSamples
        let most = max(2, configuration.maximumWindows)
        let spread = (beyondFirst + most - 2) / (most - 1)
        let step = max(1_600, Int(configuration.step * 16_000), spread)
        let count = max(0, (beyondFirst + step - 1) / step) + 1
        return (0..<count).map { $0 * step }
    }

    /// Windows segmented per model run.
    ///
    /// ONNX Runtime's arena keeps the largest batch's
    /// memory: on a 5-minute meeting 8 windows peaked at 507 MB and RTF 0.025, 2 at 346 MB
    /// and 0.031, 1 at 327 MB and 0.034.
    private static let batch = 2

    public init(configuration: Configuration) throws {
        try configuration.models.validate()
        self.configuration = configuration
        segmentation = try SpeakerSegmentationModel(
            path: configuration.models.segmentation,
            threads: configuration.threads
        )
        embedder = try SherpaSpeakerEmbedder(modelPath: configuration.models.embedding, threads: configuration.threads)
    }

    public func diarize(_ samples: [Float], speakerCount: Int?) async throws -> [SpeakerTurn] {
        guard samples.count >= SherpaSpeakerEmbedder.minimumSamples else { return [] }
        let starts = Self.windowStarts(sampleCount: samples.count, configuration: configuration)
        var windows: [LocalSpeakerWindow] = []
        var prints: [[Float]] = []
        var owners: [(window: Int, speaker: Int)] = []
        for batchStart in stride(from: 0, to: starts.count, by: Self.batch) {
            // A stopped job or refine stops here rather than after the whole recording.
            try Task.checkCancellation()
            let batchStarts = Array(starts[batchStart..<min(starts.count, batchStart + Self.batch)])
            let segmented = try await BlockingWork.run { [segmentation] in
                try segmentation.windows(of: samples, at: batchStarts)
            }
            for window in segmented {
                for speaker in window.localSpeakers {
                    let audio = window.printFrames(of: speaker).flatMap { frame -> ArraySlice<Float> in
                        let range = window.samples(of: frame).clamped(to: 0..<samples.count)
                        return samples[range]
                    }
                    guard audio.count >= SherpaSpeakerEmbedder.minimumSamples else { continue }
                    prints.append(try await embedder.embedding(of: audio))
                    owners.append((windows.count, speaker))
                }
                windows.append(window)
            }
        }
        var labels = [[Int: Int]](repeating: [:], count: windows.count)
        if prints.isEmpty {
            // Speech too short for any voice print (one brief remark): one voice.
            labels = windows.map { window in Dictionary(uniqueKeysWithValues: window.localSpeakers.map { ($0, 0) }) }
        } else {
            let dendrogram = VoiceDendrogram(prints: prints, groups: owners.map(\.window))
            let clusters =
                speakerCount.map { dendrogram.labels(clusters: $0) }
                ?? dendrogram.labels(threshold: configuration.similarity)
            for (owner, cluster) in zip(owners, clusters) {
                labels[owner.window][owner.speaker] = cluster
            }
        }
        return LocalSpeakerReconstruction.turns(
            windows: windows,
            labels: labels,
            duration: Double(samples.count) / 16_000,
            minimumTurn: configuration.minimumTurn,
            minimumGap: configuration.minimumGap
        )
    }
}
