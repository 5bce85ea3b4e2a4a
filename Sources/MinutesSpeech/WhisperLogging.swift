import CWhisper

/// whisper.cpp and ggml log to standard error by default, which would scribble over the
/// console and could echo model paths into captured output; Minutes silences them.
enum WhisperLogging {
    private static let silenced: Void = {
        whisper_log_set(discardLog, nil)
        ggml_log_set(discardLog, nil)
    }()

    static func silence() {
        silenced
    }
}

private func discardLog(_ level: ggml_log_level, _ text: UnsafePointer<CChar>?, _ userData: UnsafeMutableRawPointer?) {}
