import Foundation
import MinutesCore

/// Finds and checks a ggml Whisper model before whisper.cpp sees it, so that a missing or
/// wrong file is a clear message instead of a crash or a cryptic log line.
public enum WhisperModelFile {
    /// The default model: English-only tiny, fast enough for live captions on two cores.
    public static let defaultName = "tiny.en"

    /// The model path for `name`: a path to a file, or a name such as `tiny.en` or `base`
    /// looked up as `ggml-NAME.bin` in the models directory.
    public static func path(for name: String, modelsDirectory: String) -> String {
        if name.contains("/") || name.hasSuffix(".bin") { return name }
        return modelsDirectory + "/ggml-\(name).bin"
    }

    /// Checks that `path` exists and starts with the ggml magic number.
    /// - Throws: `.notFound` naming `make models` when missing, `.invalidInput` when not ggml.
    public static func validate(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MinutesError(
                .notFound,
                "Whisper model not found at \(path): run `make models` (or `make models MODEL=base`), "
                    + "or point MINUTES_MODELS_DIR / --model at a ggml model"
            )
        }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        // whisper.cpp writes the magic 0x67676d6c ("ggml") as a little-endian 32-bit integer.
        guard magic == Data([0x6c, 0x6d, 0x67, 0x67]) else {
            throw MinutesError(
                .invalidInput,
                "\(path) is not a ggml Whisper model (wrong magic number); convert it or run `make models`"
            )
        }
    }
}
