import Foundation
import MinutesCore

/// Which speech models to use, from the environment; command-line options override it.
///
/// | variable | default |
/// |---|---|
/// | `MINUTES_MODELS_DIR` | `$XDG_DATA_HOME/minutes/models` (`~/.local/share/minutes/models`) |
/// | `MINUTES_WHISPER_MODEL` | `tiny.en` (a name such as `base`, or a path to a ggml file) |
/// | `MINUTES_LANGUAGE` | `en` (`auto` detects it with multilingual models) |
/// | `MINUTES_THREADS` | the machine's cores, at most 8 |
/// | `MINUTES_VOCABULARY` | none: a file of terms to expect, one per line (``VocabularyFile``) |
/// | `MINUTES_WHISPER_BEAM` | 5: Whisper's beam for recordings (1 is greedy; live captions are always greedy) |
public struct SpeechConfiguration: Sendable {
    public var modelsDirectory: String
    public var whisperModel: String
    public var language: String
    public var threads: Int?
    /// Out of range (or not a number) fails at the first decode, with the reason.
    public var beamSize: Int
    /// The user's vocabulary file, read when a recording is decoded.
    public var vocabularyPath: String?

    public init(environment: [String: String]) {
        modelsDirectory = MinutesPaths.modelsDirectory(environment: environment)
        whisperModel =
            environment["MINUTES_WHISPER_MODEL"].flatMap { $0.isEmpty ? nil : $0 } ?? WhisperModelFile.defaultName
        language = environment["MINUTES_LANGUAGE"].flatMap { $0.isEmpty ? nil : $0 } ?? "en"
        threads = environment["MINUTES_THREADS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
        beamSize =
            environment["MINUTES_WHISPER_BEAM"].flatMap { $0.isEmpty ? nil : (Int($0) ?? 0) }
            ?? TranscriptionOptions.accurateBeamSize
        vocabularyPath = environment["MINUTES_VOCABULARY"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The terms of the vocabulary file, or none without one.
    /// - Throws: ``VocabularyFile/read(_:)``'s errors.
    public func vocabulary() throws -> [String] {
        try vocabularyPath.map(VocabularyFile.read) ?? []
    }

    /// The ggml file of the chosen Whisper model.
    public var whisperModelPath: String {
        WhisperModelFile.path(for: whisperModel, modelsDirectory: modelsDirectory)
    }

    /// Silero's voice activity model.
    public var voiceActivityModelPath: String { modelsDirectory + "/silero_vad.onnx" }
}
