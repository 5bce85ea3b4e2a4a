import MinutesCore
import MinutesSpeech

/// A Whisper transcriber whose model loads in the background from the moment it is made, so
/// a recording's voice activity runs while the model loads instead of after it.
///
/// The model file is checked before anything starts, so a missing or damaged model is still
/// the first error a command reports.
final class BackgroundLoadedTranscriber: Transcriber {
    private let model: LoadOnce<WhisperCppTranscriber>

    init(modelPath: String, load: @escaping @Sendable () throws -> WhisperCppTranscriber) throws {
        try WhisperModelFile.validate(modelPath)
        let model = LoadOnce(load)
        self.model = model
        Task { _ = try? await model.value() }
    }

    func transcribe(_ samples: [Float], options: TranscriptionOptions) async throws -> [SegmentDraft] {
        try await model.value().transcribe(samples, options: options)
    }
}
