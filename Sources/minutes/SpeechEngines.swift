import Foundation
import MinutesCore
import MinutesSpeakers
import MinutesSpeech

/// Builds the speech engines a command needs from the environment and its options.
struct SpeechEngines {
    var configuration: SpeechConfiguration

    init(model: String? = nil, language: String? = nil) {
        configuration = SpeechConfiguration(environment: ProcessInfo.processInfo.environment)
        if let model { configuration.whisperModel = model }
        if let language { configuration.language = language }
    }

    func transcriber() throws -> WhisperCppTranscriber {
        try WhisperCppTranscriber(modelPath: configuration.whisperModelPath, threads: configuration.threads)
    }

    func voiceActivity(threshold: Float? = nil) throws -> SileroVoiceActivityDetector {
        var activity = VoiceActivityConfiguration(modelPath: configuration.voiceActivityModelPath)
        if let threshold { activity.threshold = threshold }
        return try SileroVoiceActivityDetector(configuration: activity)
    }

    func fileTranscriber() throws -> FileTranscriber {
        FileTranscriber(transcriber: try transcriber(), detector: try voiceActivity())
    }

    func diarizer(
        threshold: Float? = nil,
        minimumTurn: Float? = nil,
        minimumGap: Float? = nil
    ) throws -> SherpaOfflineDiarizer {
        var diarization = SherpaOfflineDiarizer.Configuration(
            models: SpeakerModelFiles(modelsDirectory: configuration.modelsDirectory)
        )
        if let threshold { diarization.threshold = threshold }
        if let minimumTurn { diarization.minimumTurn = minimumTurn }
        if let minimumGap { diarization.minimumGap = minimumGap }
        return try SherpaOfflineDiarizer(configuration: diarization)
    }

    /// The offline diarizer as recorded meetings use it: sherpa-onnx plus gap filling.
    func meetingDiarizer() throws -> GapFillingDiarizer {
        GapFillingDiarizer(base: try diarizer(), detector: try voiceActivity(), embedder: try embedder())
    }

    func embedder() throws -> SherpaSpeakerEmbedder {
        try SherpaSpeakerEmbedder(
            modelPath: SpeakerModelFiles(modelsDirectory: configuration.modelsDirectory).embedding
        )
    }

    var options: TranscriptionOptions { TranscriptionOptions(language: configuration.language) }
}
