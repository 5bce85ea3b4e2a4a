import Foundation
import MinutesCore

/// Real recordings and models that setup provisions for tests (`make test` runs
/// `scripts/setup` with test data): tests that need them find them here, and fail with a
/// clear message, never skip, when they are missing.
public enum TestData {
    private static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `MINUTES_TESTDATA_DIR`, or `~/.cache/minutes/testdata`.
    public static var directory: String {
        if let explicit = environment["MINUTES_TESTDATA_DIR"], !explicit.isEmpty { return explicit }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory() + "/.cache"
        return cache + "/minutes/testdata"
    }

    /// whisper.cpp's `samples/jfk.wav` (11 s, 16 kHz).
    public static var jfk: String { directory + "/jfk.wav" }

    /// What JFK says in `jfk.wav`.
    public static let jfkTranscript =
        "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country."

    /// The shared diarization dev set (ten real 30-second meeting excerpts with `train.rttm`),
    /// beside the project in `../shared/eval/diarization-dev`, or `MINUTES_DIARIZATION_DEV`.
    public static var diarizationDev: String {
        if let explicit = environment["MINUTES_DIARIZATION_DEV"], !explicit.isEmpty { return explicit }
        let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return project.appendingPathComponent("shared/eval/diarization-dev").path
    }

    /// The shared spontaneous-speech recordings (`monologue-1.wav`, `monologue-2.wav`: one
    /// speaker, off the cuff), beside the project in `../shared/eval/spontaneous-dev`.
    public static var spontaneousDev: String {
        URL(fileURLWithPath: diarizationDev).deletingLastPathComponent().appendingPathComponent("spontaneous-dev").path
    }

    /// The shared two-person phone call (`callfriend-4210.wav` with its RTTM and STM), beside
    /// the project in `../shared/eval/phone-call-dev`.
    public static var phoneCallDev: String {
        URL(fileURLWithPath: diarizationDev).deletingLastPathComponent().appendingPathComponent("phone-call-dev").path
    }

    /// The models directory (`MINUTES_MODELS_DIR` or the data directory's `models`).
    public static var modelsDirectory: String { MinutesPaths.modelsDirectory(environment: environment) }

    /// The five LibriVox clips of Debian's `pocketsphinx-testdata`, with their references.
    public static func librivox() throws -> [(path: String, reference: String)] {
        let folder = "/usr/share/pocketsphinx/test/data/librivox"
        let transcription = try String(contentsOfFile: folder + "/transcription", encoding: .utf8)
        return transcription.split(separator: "\n").compactMap { line in
            // "<s> words </s> (file-id)"
            guard let open = line.lastIndex(of: "("), let close = line.lastIndex(of: ")") else { return nil }
            let id = line[line.index(after: open)..<close]
            let words = line[..<open].replacingOccurrences(of: "<s>", with: "").replacingOccurrences(
                of: "</s>",
                with: ""
            )
            return (folder + "/\(id).wav", words.trimmingCharacters(in: .whitespaces))
        }
    }
}
