import Foundation
import MinutesAudio

/// Small WAV files the CLI tests feed to the binary.
enum WAVFixture {
    static func silence(seconds: Double, to path: String) throws {
        try WAVWriter.write([Float](repeating: 0, count: Int(seconds * 16_000)), to: path, sampleRate: 16_000)
    }
}
