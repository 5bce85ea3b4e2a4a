import CSherpaOnnx
import MinutesCore

/// A streaming Silero detector: feed 16 kHz samples as they arrive, get each speech region
/// once its closing pause has been heard.
///
/// Owns a sherpa-onnx detector handle; not thread-safe, so one task owns each stream.
public final class VoiceActivityStream: SpeechRegionStream {
    /// sherpa-onnx's detector is an incomplete C type, so Swift sees an opaque pointer.
    private let detector: OpaquePointer
    private let releaseLatency: Double
    private var samplesSeen: Int64 = 0

    public init(configuration: VoiceActivityConfiguration) throws {
        let created: OpaquePointer? = configuration.modelPath.withCString { model in
            "cpu".withCString { provider in
                var config = SherpaOnnxVadModelConfig()
                config.silero_vad.model = model
                config.silero_vad.threshold = configuration.threshold
                config.silero_vad.min_silence_duration = Float(configuration.minimumSilence)
                config.silero_vad.min_speech_duration = Float(configuration.minimumSpeech)
                config.silero_vad.max_speech_duration = Float(configuration.maximumSpeech)
                config.silero_vad.window_size = 512
                config.sample_rate = 16_000
                config.num_threads = 1
                config.provider = provider
                return SherpaOnnxCreateVoiceActivityDetector(&config, 60)
            }
        }
        guard let created else {
            throw MinutesError(
                .invalidInput,
                "sherpa-onnx could not load the voice activity model \(configuration.modelPath)"
            )
        }
        detector = created
        releaseLatency = configuration.releaseLatency
    }

    deinit {
        SherpaOnnxDestroyVoiceActivityDetector(detector)
    }

    /// True while the detector is inside a speech region.
    public var isSpeaking: Bool {
        SherpaOnnxVoiceActivityDetectorDetected(detector) != 0
    }

    /// Seconds of audio fed so far.
    public var position: Double { Double(samplesSeen) / 16_000 }

    /// Feeds samples; returns the regions that ended within them.
    ///
    /// The samples go to sherpa-onnx one 32 ms window at a time: given a longer block, its
    /// detector only looks for the end of speech once per call and merges every turn in the
    /// block into one region (measured here on a synthetic meeting and on real recordings).
    public func accept(_ samples: [Float]) -> [SpeechRegion] {
        var regions: [SpeechRegion] = []
        samples.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = min(Self.window, buffer.count - offset)
                SherpaOnnxVoiceActivityDetectorAcceptWaveform(detector, buffer.baseAddress! + offset, Int32(count))
                offset += count
                regions += drain()
            }
        }
        samplesSeen += Int64(samples.count)
        return regions
    }

    /// Silero's window at 16 kHz.
    private static let window = 512

    /// Ends the stream, returning a region still open at the end.
    public func finish() -> [SpeechRegion] {
        SherpaOnnxVoiceActivityDetectorFlush(detector)
        return drain()
    }

    private func drain() -> [SpeechRegion] {
        var regions: [SpeechRegion] = []
        while SherpaOnnxVoiceActivityDetectorEmpty(detector) == 0 {
            if let segment = SherpaOnnxVoiceActivityDetectorFront(detector) {
                let start = Double(segment.pointee.start) / 16_000
                let end = start + Double(segment.pointee.n) / 16_000 - releaseLatency
                regions.append(SpeechRegion(start: start, end: max(start, end)))
                SherpaOnnxDestroySpeechSegment(segment)
            }
            SherpaOnnxVoiceActivityDetectorPop(detector)
        }
        return regions
    }
}
