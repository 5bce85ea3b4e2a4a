import Foundation
import MinutesAudio
import MinutesCore

/// WAV audio held in memory (an upload, a synthesized reply) turned into samples and back.
///
/// The WAV reader and writer work on files, because recordings are streamed from disk; in-memory
/// audio goes through a private temporary file (mode 0600, removed right after) so uploads are
/// decoded by exactly the code, and the checks, that read recordings.
public enum WAVData {
    /// The audio of a WAV file's bytes as 16 kHz mono samples.
    ///
    /// - Throws: `.invalidInput` when the bytes are not a WAV file Minutes can read; the
    ///   message says why ("looks like an MP3 file") and names "the uploaded audio", never a
    ///   temporary path.
    public static func samples(from data: Data) throws -> [Float] {
        try withTemporaryFile { path in
            do {
                try data.write(to: URL(fileURLWithPath: path))
                return try AudioFile.load16kMono(path)
            } catch let error as MinutesError {
                throw MinutesError(
                    error.code,
                    error.message.replacingOccurrences(of: "'\(path)'", with: "the uploaded audio")
                        .replacingOccurrences(of: path, with: "the uploaded audio")
                )
            }
        }
    }

    /// A 16-bit PCM WAV file of 16 kHz mono `samples`.
    public static func encode(_ samples: [Float]) throws -> Data {
        try withTemporaryFile { path in
            try WAVWriter.write(samples, to: path, sampleRate: 16_000)
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
    }

    private static func withTemporaryFile<Value>(_ body: (String) throws -> Value) throws -> Value {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("minutes-audio-\(UUID().uuidString).wav").path
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        else {
            throw MinutesError(.storage, "cannot create a temporary audio file in \(NSTemporaryDirectory())")
        }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }
}
