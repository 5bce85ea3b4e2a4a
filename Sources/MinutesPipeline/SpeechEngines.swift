import Foundation
import MinutesCore
import MinutesSpeakers
import MinutesSpeech

/// Builds the speech engines a command or the service needs from the environment and its
/// options.
public struct SpeechEngines: Sendable {
    public var configuration: SpeechConfiguration

    public init(
        model: String? = nil,
        language: String? = nil,
        beam: Int? = nil,
        vocabulary: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        configuration = SpeechConfiguration(environment: environment)
        if let model { configuration.whisperModel = model }
        if let language { configuration.language = language }
        if let beam { configuration.beamSize = beam }
        if let vocabulary { configuration.vocabularyPath = vocabulary }
    }

    /// - Parameter wordTiming: ``WhisperWordTiming/attentionAlignment`` for recorded meetings,
    ///   whose prompt would otherwise throw word times (and so speakers) off.
    public func transcriber(wordTiming: WhisperWordTiming = .tokenHeuristic) throws -> WhisperCppTranscriber {
        try WhisperCppTranscriber(
            modelPath: configuration.whisperModelPath,
            threads: configuration.threads,
            wordTiming: wordTiming
        )
    }

    public func voiceActivity(threshold: Float? = nil) throws -> SileroVoiceActivityDetector {
        try SileroVoiceActivityDetector(configuration: voiceActivityConfiguration(threshold: threshold))
    }

    /// Voice activity as the live console slices utterances (at most
    /// ``VoiceActivityConfiguration/liveMaximumSpeech`` seconds each).
    public func liveVoiceActivity(threshold: Float? = nil) throws -> SileroVoiceActivityDetector {
        var activity = voiceActivityConfiguration(threshold: threshold)
        activity.maximumSpeech = VoiceActivityConfiguration.liveMaximumSpeech
        return try SileroVoiceActivityDetector(configuration: activity)
    }

    private func voiceActivityConfiguration(threshold: Float?) -> VoiceActivityConfiguration {
        var activity = VoiceActivityConfiguration(modelPath: configuration.voiceActivityModelPath)
        if let threshold { activity.threshold = threshold }
        return activity
    }

    /// Voice-gated transcription of files; Whisper loads while voice activity starts reading.
    public func fileTranscriber() throws -> FileTranscriber {
        let loading = try BackgroundLoadedTranscriber(modelPath: configuration.whisperModelPath) {
            try self.transcriber()
        }
        return FileTranscriber(transcriber: loading, detector: try voiceActivity())
    }

    public func diarizer(
        threshold: Float? = nil,
        minimumTurn: Float? = nil,
        minimumGap: Float? = nil,
        threads: Int? = nil
    ) throws -> SherpaOfflineDiarizer {
        var diarization = SherpaOfflineDiarizer.Configuration(
            models: SpeakerModelFiles(modelsDirectory: configuration.modelsDirectory)
        )
        if let threshold { diarization.threshold = threshold }
        if let minimumTurn { diarization.minimumTurn = minimumTurn }
        if let minimumGap { diarization.minimumGap = minimumGap }
        if let threads { diarization.threads = threads }
        return try SherpaOfflineDiarizer(configuration: diarization)
    }

    /// pyannote-style diarization with the count of voices estimated per recording.
    public func localSpeakerDiarizer(
        step: Double? = nil,
        similarity: Float? = nil,
        minimumTurn: Double? = nil,
        minimumGap: Double? = nil,
        threads: Int? = nil
    ) throws -> LocalSpeakerDiarizer {
        var diarization = LocalSpeakerDiarizer.Configuration(
            models: SpeakerModelFiles(modelsDirectory: configuration.modelsDirectory)
        )
        if let step { diarization.step = step }
        if let similarity { diarization.similarity = similarity }
        if let minimumTurn { diarization.minimumTurn = minimumTurn }
        if let minimumGap { diarization.minimumGap = minimumGap }
        if let threads { diarization.threads = threads }
        return try LocalSpeakerDiarizer(configuration: diarization)
    }

    /// The offline diarizer as recorded meetings use it: (window, local speaker) prints with
    /// the count estimated per recording, plus gap filling.
    /// - Parameter threads: ONNX Runtime threads (two when nil).
    public func meetingDiarizer(threads: Int? = nil) throws -> GapFillingDiarizer {
        let base = try localSpeakerDiarizer(threads: threads)
        return GapFillingDiarizer(base: base, detector: try voiceActivity(), embedder: base.embedder)
    }

    public func embedder() throws -> SherpaSpeakerEmbedder {
        try SherpaSpeakerEmbedder(
            modelPath: SpeakerModelFiles(modelsDirectory: configuration.modelsDirectory).embedding
        )
    }

    /// Options for recordings: the configured language and beam (live captions make their own
    /// greedy ones from these).
    public var options: TranscriptionOptions {
        TranscriptionOptions(language: configuration.language, beamSize: configuration.beamSize)
    }

    /// ``options`` with the vocabulary (and `prompt`, a user's own prompt text) as Whisper's
    /// initial prompt, for a command that transcribes files with no session around them.
    public func options(prompt: String?) throws -> TranscriptionOptions {
        var options = self.options
        options.initialPrompt = TranscriptionPrompt(vocabulary: try configuration.vocabulary(), text: prompt).text
        return options
    }
}
