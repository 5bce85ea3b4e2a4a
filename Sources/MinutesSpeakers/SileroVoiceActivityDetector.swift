import CSherpaOnnx
import Foundation
import MinutesCore

/// Voice activity with the Silero model through sherpa-onnx.
///
/// Each call creates its own detector (loading the 2 MB model takes milliseconds), so calls
/// can run concurrently and no state leaks from one recording into the next.
public struct SileroVoiceActivityDetector: VoiceActivityDetector {
    public let configuration: VoiceActivityConfiguration

    /// - Throws: `.notFound` when the model file is missing (the message says `make models`).
    public init(configuration: VoiceActivityConfiguration) throws {
        guard FileManager.default.fileExists(atPath: configuration.modelPath) else {
            throw MinutesError(
                .notFound,
                "voice activity model not found at \(configuration.modelPath): run `make models`"
            )
        }
        self.configuration = configuration
    }

    public func makeStream() throws -> any SpeechRegionStream {
        try VoiceActivityStream(configuration: configuration)
    }

    public func speechRegions(in samples: [Float]) async throws -> [SpeechRegion] {
        let stream = try VoiceActivityStream(configuration: configuration)
        var regions: [SpeechRegion] = []
        var offset = 0
        while offset < samples.count {
            let end = min(samples.count, offset + 512)
            regions += stream.accept(Array(samples[offset..<end]))
            offset = end
        }
        regions += stream.finish()
        return SpeechRegion.padded(regions, by: configuration.padding, limit: Double(samples.count) / 16_000)
    }
}

extension SpeechRegion {
    /// Widens each region by `padding` on both sides, within 0…`limit`, merging regions that
    /// come to overlap.
    static func padded(_ regions: [SpeechRegion], by padding: Double, limit: Double) -> [SpeechRegion] {
        var merged: [SpeechRegion] = []
        for region in regions {
            let widened = SpeechRegion(start: max(0, region.start - padding), end: min(limit, region.end + padding))
            if let last = merged.last, widened.start <= last.end {
                merged[merged.count - 1].end = max(last.end, widened.end)
            } else {
                merged.append(widened)
            }
        }
        return merged
    }
}
